package org.duban.directive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.duban.directive.EventDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * 佐证材料 in the database, beside the step they came with (nothing else to run, and no file without its step nor a
 * step without its files: both in one transaction). Read back as a stream, never whole.
 */
@Component
public class EvidenceStore {

    /** A stored file as the pages list it. */
    public record StoredFile(long id, String number, String unit, String stepKey, String name, String mediaType,
            long size, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PartStore parts;

    EvidenceStore(JdbcTemplate jdbc, Clock clock, PartStore parts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.parts = parts;
    }

    /**
     * The files of a directive {@code viewer} may open: all for the office, leaders and auditors; for a unit, those
     * of its own parts and their subtrees (the same units it sees on the directive page, {@link PartTree#visibleTo}).
     */
    public List<StoredFile> visibleTo(String number, org.duban.system.CurrentUser viewer) {
        java.util.Set<String> units = visibleUnits(number, viewer);
        return of(number).stream().filter(f -> units == null || units.contains(f.unit())).toList();
    }

    /** Whether {@code viewer} may open this file. */
    public boolean mayOpen(StoredFile file, org.duban.system.CurrentUser viewer) {
        java.util.Set<String> units = visibleUnits(file.number(), viewer);
        return units == null || units.contains(file.unit());
    }

    /** Null: the viewer sees every unit. */
    private java.util.Set<String> visibleUnits(String number, org.duban.system.CurrentUser viewer) {
        return viewer.seesEverything() ? null : new PartTree(parts.of(number)).visibleTo(viewer.departments());
    }

    /** Stores a checked file of a unit's step; answers what the step's event records of it. */
    EventDetails.Evidence store(String number, String unit, String stepKey, EvidenceCheck.CheckedFile file, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try (InputStream content = file.file().getInputStream()) {
            jdbc.update(connection -> {
                PreparedStatement s = connection.prepareStatement("INSERT INTO evidence_file (directive_number, department, "
                        + "step_key, file_name, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
                s.setString(1, number);
                s.setString(2, unit);
                s.setString(3, stepKey);
                s.setString(4, file.name());
                s.setString(5, file.mediaType());
                s.setLong(6, file.size());
                s.setString(7, file.sha256());
                s.setBinaryStream(8, content, file.size());
                s.setString(9, by);
                s.setObject(10, OffsetDateTime.now(clock));
                return s;
            }, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventDetails.Evidence(key.getKey().longValue(), file.name(), file.mediaType(), file.size(), file.sha256());
    }

    public Optional<StoredFile> find(long id) {
        return jdbc.query("SELECT id, directive_number, department, step_key, file_name, media_type, size_bytes, sha256, "
                + "uploaded_by, uploaded_at FROM evidence_file WHERE id = ?", (rs, i) -> file(rs), id).stream().findFirst();
    }

    /** Every file of a directive, in the order they came. */
    public List<StoredFile> of(String number) {
        return jdbc.query("SELECT id, directive_number, department, step_key, file_name, media_type, size_bytes, sha256, "
                + "uploaded_by, uploaded_at FROM evidence_file WHERE directive_number = ? ORDER BY id", (rs, i) -> file(rs),
                number);
    }

    /** How many files each unit of the directive sent. */
    java.util.Map<String, Integer> countsByUnit(String number) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.query("SELECT department, COUNT(*) FROM evidence_file WHERE directive_number = ? GROUP BY department",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, number);
        return counts;
    }

    /** Hands the file's bytes to {@code reader}, streamed from the database. */
    public void read(long id, Consumer<InputStream> reader) {
        jdbc.query("SELECT content FROM evidence_file WHERE id = ?", rs -> {
            try (InputStream in = rs.getBinaryStream(1)) {
                reader.accept(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, id);
    }

    /** The SHA-256 of the bytes as stored now, or empty if the file is gone. */
    Optional<String> hashOfStored(long id) {
        String[] hash = {null};
        read(id, in -> {
            try (DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
                digest.transferTo(java.io.OutputStream.nullOutputStream());
                hash[0] = HexFormat.of().formatHex(digest.getMessageDigest().digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        return Optional.ofNullable(hash[0]);
    }

    private static StoredFile file(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredFile(rs.getLong("id"), rs.getString("directive_number"), rs.getString("department"),
                rs.getString("step_key"), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class));
    }
}
