package org.duban.directive.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;
import org.duban.system.FieldProblem;
import org.duban.system.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a unit may attach as 佐证材料: PDF, images, Word and Excel, each up to {@code duban.evidence.max-file-size}
 * and at most {@code duban.evidence.max-files} per step. The type is found from the bytes (Apache Tika's magic,
 * then a look inside Office containers: a .docx is a zip holding word/document.xml, a .doc an OLE2 file holding a
 * WordDocument stream), never from the name or the browser's claim; the name is kept for display only. One file
 * refused refuses the step, with the reason by file.
 */
@Component
public class EvidenceCheck {

    /** A file that passed, with what was found out about it. */
    public record CheckedFile(MultipartFile file, String name, String mediaType, String typeLabel, long size,
            String sha256) {}

    static final String PDF = "application/pdf";
    static final String DOC = "application/msword";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLS = "application/vnd.ms-excel";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The accepted types and how people call them. */
    static final Map<String, String> ACCEPTED = Map.of(PDF, "PDF 文档", "image/jpeg", "JPEG 图片", "image/png", "PNG 图片",
            "image/gif", "GIF 图片", "image/webp", "WebP 图片", DOC, "Word 文档", DOCX, "Word 文档", XLS, "Excel 表格",
            XLSX, "Excel 表格");

    /** Shown in the browser (preview); the others are downloaded. */
    public static final Set<String> PREVIEWABLE = Set.of(PDF, "image/jpeg", "image/png", "image/gif", "image/webp");

    private final Tika tika = new Tika();
    private final long maxFileSize;
    private final int maxFiles;

    EvidenceCheck(@Value("${duban.evidence.max-file-size:20MB}") DataSize maxFileSize,
            @Value("${duban.evidence.max-files:10}") int maxFiles) {
        this.maxFileSize = maxFileSize.toBytes();
        this.maxFiles = maxFiles;
    }

    public int maxFiles() {
        return maxFiles;
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    public List<CheckedFile> check(List<MultipartFile> files) {
        // a form with no file chosen still sends one empty, nameless part: that is no file
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> f != null
                && !((f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()) && f.getSize() == 0)).toList();
        if (given.size() > maxFiles) {
            throw new InvalidRequestException("files", "每次最多上传 " + maxFiles + " 个文件，本次为 " + given.size() + " 个");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<CheckedFile> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            MultipartFile file = given.get(i);
            String field = "files[" + i + "]";
            String name = displayName(file.getOriginalFilename(), i);
            if (file.getSize() == 0) {
                problems.add(new FieldProblem(field, "“" + name + "”是空文件"));
                continue;
            }
            if (file.getSize() > maxFileSize) {
                problems.add(new FieldProblem(field, "“" + name + "”超过单个文件 " + DataSize.ofBytes(maxFileSize).toMegabytes()
                        + " MB 的上限"));
                continue;
            }
            try {
                String type = detect(file);
                String label = ACCEPTED.get(type);
                if (label == null) {
                    problems.add(new FieldProblem(field, "“" + name + "”的内容不是允许的类型（PDF、图片、Word、Excel），"
                            + "检测为 " + type + "；文件名或扩展名不作为依据"));
                    continue;
                }
                checked.add(new CheckedFile(file, name, type, label, file.getSize(), sha256(file)));
            } catch (IOException e) {
                problems.add(new FieldProblem(field, "“" + name + "”无法读取，请重新上传"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return checked;
    }

    /** The type the bytes are; Office containers are opened to tell Word from Excel from any zip or OLE2 file. */
    String detect(MultipartFile file) throws IOException {
        String type;
        try (InputStream in = new BufferedInputStream(file.getInputStream())) {
            type = tika.detect(in);
        }
        if (type.equals("application/zip") || type.equals("application/x-tika-ooxml")) {
            return ooxml(file);
        }
        if (type.equals("application/x-tika-msoffice")) {
            return ole2(file);
        }
        return type;
    }

    private static String ooxml(MultipartFile file) throws IOException {
        boolean word = false;
        boolean excel = false;
        try (ZipInputStream zip = new ZipInputStream(file.getInputStream())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                word |= entry.getName().equals("word/document.xml");
                excel |= entry.getName().equals("xl/workbook.xml");
            }
        } catch (IOException | IllegalArgumentException notAZip) {
            return "application/zip";
        }
        return word ? DOCX : excel ? XLSX : "application/zip";
    }

    private static String ole2(MultipartFile file) {
        try (InputStream in = file.getInputStream(); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntry("WordDocument")) {
                return DOC;
            }
            if (fs.getRoot().hasEntry("Workbook") || fs.getRoot().hasEntry("Book")) {
                return XLS;
            }
        } catch (IOException | RuntimeException notOle2) {
            // fall through
        }
        return "application/x-tika-msoffice";
    }

    private static String sha256(MultipartFile file) throws IOException {
        try (InputStream in = new DigestInputStream(file.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name people see: the last path segment, no control characters, at most 120 characters. */
    static String displayName(String original, int index) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            name = "文件" + (index + 1);
        }
        return name.codePointCount(0, name.length()) > 120 ? name.substring(0, name.offsetByCodePoints(0, 120)) : name;
    }
}
