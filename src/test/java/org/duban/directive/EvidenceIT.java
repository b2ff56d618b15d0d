package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.internal.AuditChain;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.Http.Part;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 佐证材料 over HTTP: a street reports with a photo, a PDF and a Word file; the type is read from the bytes; a bad
 * file refuses the whole step and saves nothing; the district that passed the work down sees and verifies the files,
 * a sibling street does not; each file's hash is in the audit chain, and a swapped file is named by the verification.
 */
@DubanIntegrationTest
class EvidenceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    AuditChain chain;

    ProcessDriver driver;
    String number;
    String reports;

    @BeforeEach
    void aDirectiveReachingTheStreetsOfZdxq() throws Exception {
        driver = new ProcessDriver(engine);
        Http.Response issued = Http.basic(port, "leader", "demo").post("/api/directives", """
                {"title":"背街小巷整治","instruction":"各街道报送整治前后照片。","priority":"normal","leadDepartment":"zdxq",
                 "targets":[{"under":"zdxq","level":"street"}],"deadline":"%s","reportCycle":"none"}"""
                .formatted(calendar.plusWorkingDays(calendar.today(), 10)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        number = JSON.readTree(issued.body()).get("number").asText();
        driver.sign("ruyihu", driver.departmentWork(number, "ruyihu"));
        reports = "/api/directives/" + number + "/parts/ruyihu/reports";
    }

    @Test
    void aStreetReportsWithAPhotoAPdfAndAWordFileAndItsDistrictVerifiesThem() throws Exception {
        Http ruyihu = Http.basic(port, "ruyihu", "demo");
        byte[] photo = png();
        Http.Response progress = ruyihu.postMultipart(reports, List.of(Part.field("outcome", "progress"),
                Part.field("text", "已完成如意湖东片区三条巷道的整治。"),
                Part.file("files", "整治后.png", "image/png", photo)));
        assertThat(progress.status()).as(progress.body()).isEqualTo(201);
        assertThat(JSON.readTree(progress.body()).get("files").get(0).get("sha256").asText()).hasSize(64);

        Http.Response submitted = ruyihu.postMultipart(reports, List.of(Part.field("outcome", "submit"),
                Part.field("text", "整治完成，报送成效报告和验收表。"),
                // the browser's claim and the extension are not what decides: the bytes are
                Part.file("files", "成效报告.pdf", "application/octet-stream", pdf()),
                Part.file("files", "验收表.docx", "application/octet-stream", docx())));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode files = JSON.readTree(submitted.body()).get("files");
        assertThat(files).extracting(f -> f.get("mediaType").asText()).containsExactly("application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        // the step's event names each file with its hash: the chain covers the files
        String details = jdbc.queryForObject("SELECT details FROM directive_event WHERE directive_number = ? AND "
                + "department = 'ruyihu' AND type = 'SUBMITTED'", String.class, number);
        assertThat(details).contains("成效报告.pdf").contains(files.get(0).get("sha256").asText());

        // the district above sees the three files and opens the photo inline, in a sandbox
        Http zdxq = Http.basic(port, "zdxq", "demo");
        JsonNode listed = JSON.readTree(zdxq.get("/api/directives/" + number + "/evidence").body());
        assertThat(listed).extracting(f -> f.get("name").asText()).containsExactly("整治后.png", "成效报告.pdf", "验收表.docx");
        Http.Response opened = zdxq.getBytes("/api/evidence/" + listed.get(0).get("id").asLong());
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.bytes()).isEqualTo(photo);
        assertThat(opened.header("Content-Type")).startsWith("image/png");
        assertThat(opened.header("Content-Disposition")).startsWith("inline");
        assertThat(opened.header("Content-Security-Policy")).contains("sandbox");
        assertThat(zdxq.getBytes("/api/evidence/" + listed.get(2).get("id").asLong()).header("Content-Disposition"))
                .as("Word is downloaded").startsWith("attachment");
        assertThat(Http.loggedIn(port, "zdxq", "demo").get("/directives/" + number).body())
                .contains("佐证材料（3 份）").contains("整治后.png");

        // a sibling street sees neither the list of ruyihu's files nor a file by its id
        Http longzihu = Http.basic(port, "longzihu", "demo");
        assertThat(JSON.readTree(longzihu.get("/api/directives/" + number + "/evidence").body())).isEmpty();
        assertThat(longzihu.getBytes("/api/evidence/" + listed.get(0).get("id").asLong()).status()).isEqualTo(403);
        assertThat(Http.basic(port, "kjj", "demo").getBytes("/api/evidence/" + listed.get(0).get("id").asLong()).status())
                .as("a unit outside the directive").isIn(403, 404);
        assertThat(longzihu.postMultipart(reports, List.of(Part.field("outcome", "progress"), Part.field("text", "代报")))
                .status()).as("nobody reports for another unit").isEqualTo(403);

        // the district reviews in Tasklist's form: accepted, rated, the material verified (核实)
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(driver.processInstanceOf(number, "ruyihu"))
                .taskDefinitionKey("Task_ReviewResult").singleResult();
        Http.Response reviewed = zdxq.post("/engine-rest/task/" + review.getId() + "/complete", """
                {"variables":{"accepted":{"value":true},"qualityRating":{"value":5},"evidenceVerified":{"value":true},
                 "reviewComment":{"value":"照片与验收表相符"}}}""");
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(204);
        JsonNode street = department(zdxq, "ruyihu");
        assertThat(street.get("evidenceCount").asInt()).isEqualTo(3);
        assertThat(street.get("evidenceVerified").asBoolean()).isTrue();
        assertThat(street.get("status").asText()).isEqualTo("DONE");

        // the ledger narrows to a subtree and a level, and tells reported from verified, on the page and in the export
        Http supervisor = Http.basic(port, "supervisor", "demo");
        JsonNode streets = JSON.readTree(supervisor.get("/api/directives?under=zdxq&level=street&size=200").body());
        JsonNode row = null;
        for (JsonNode item : streets.get("items")) {
            row = item.get("number").asText().equals(number) ? item : row;
        }
        assertThat(row).as("found under 郑东新区 at the street level").isNotNull();
        assertThat(streets.get("total").asLong()).as("the total (counted on the units' parts) is what the page lists")
                .isEqualTo(streets.get("items").size());
        JsonNode subtree = JSON.readTree(supervisor.get("/api/directives?under=zdxq&size=200").body());
        assertThat(subtree.get("total").asLong()).isEqualTo(subtree.get("items").size())
                .isGreaterThanOrEqualTo(streets.get("total").asLong());
        assertThat(row.get("unitsWithEvidence").asInt()).isEqualTo(1);
        assertThat(row.get("unitsVerified").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(supervisor.get("/api/directives?under=dfs&size=200").body()).get("items"))
                .noneMatch(item -> item.get("number").asText().equals(number));
        Http.Response wrongLevel = supervisor.get("/api/directives?level=province&under=nowhere");
        assertThat(wrongLevel.status()).isEqualTo(400);
        assertThat(JSON.readTree(wrongLevel.body()).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("under", "level");
        String csv = new String(supervisor.getBytes("/api/ledger.csv?under=zdxq&q=" + number).bytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains("佐证材料已报送（单位数）").contains("佐证材料已核实（单位数）");
        assertThat(Http.loggedIn(port, "supervisor", "demo").get("/ledger?under=zdxq&level=street").body())
                .contains("已报送 1 · 已核实 1");

        assertThat(chain.verifyAll().intact()).isTrue();
    }

    @Test
    void aBadFileRefusesTheWholeStepByFileAndSavesNothing() throws Exception {
        Http ruyihu = Http.basic(port, "ruyihu", "demo");
        long events = count("directive_event");
        long files = count("evidence_file");
        byte[] program = new byte[2048];
        program[0] = 'M';
        program[1] = 'Z';
        System.arraycopy("This program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII), 0, program, 78, 38);

        Http.Response refused = ruyihu.postMultipart(reports, List.of(Part.field("outcome", "submit"),
                Part.field("text", "整治完成。"), Part.file("files", "照片.png", "image/png", png()),
                Part.file("files", "现场照片.jpg", "image/jpeg", program),
                Part.file("files", "说明.pdf", "application/pdf", "<html><script>alert(1)</script></html>"
                        .getBytes(StandardCharsets.UTF_8)),
                Part.file("files", "空白.pdf", "application/pdf", new byte[0])));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("files[1]", "files[2]", "files[3]");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("现场照片.jpg").contains("不是允许的类型");
        assertThat(problem.get("errors").get(2).get("message").asText()).contains("空文件");
        assertThat(count("evidence_file")).as("not even the good photo").isEqualTo(files);
        assertThat(count("directive_event")).isEqualTo(events);
        assertThat(openHandleTasks()).as("the step stays open").isEqualTo(1);

        List<Part> eleven = new ArrayList<>(List.of(Part.field("outcome", "progress"), Part.field("text", "照片")));
        for (int i = 0; i < 11; i++) {
            eleven.add(Part.file("files", "照片" + i + ".png", "image/png", png()));
        }
        Http.Response tooMany = ruyihu.postMultipart(reports, eleven);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(JSON.readTree(tooMany.body()).get("errors").get(0).get("message").asText()).contains("最多上传 10 个");

        Http.Response noText = ruyihu.postMultipart(reports, List.of(Part.field("outcome", "submit")));
        assertThat(noText.status()).isEqualTo(400);
        assertThat(JSON.readTree(noText.body()).get("errors").get(0).get("field").asText()).isEqualTo("text");
        assertThat(JSON.readTree(noText.body()).get("errors").get(0).get("message").asText()).isEqualTo("请填写办理结果");

        // over the per-file limit: refused by the server before the step, with the same kind of answer
        Http.Response huge = ruyihu.postMultipart(reports, List.of(Part.field("outcome", "progress"),
                Part.field("text", "大文件"), Part.file("files", "航拍.png", "image/png", new byte[21 * 1024 * 1024])));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(huge.body()).get("type").asText()).endsWith("file-too-large");

        assertThat(count("evidence_file")).isEqualTo(files);
        assertThat(count("directive_event")).isEqualTo(events);
        assertThat(openHandleTasks()).isEqualTo(1);
    }

    @Test
    void aSwappedFileIsNamedByTheAuditVerification() throws Exception {
        Http.Response sent = Http.basic(port, "ruyihu", "demo").postMultipart(reports, List.of(
                Part.field("outcome", "progress"), Part.field("text", "进展照片"),
                Part.file("files", "进展.png", "image/png", png())));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        long id = JSON.readTree(sent.body()).get("files").get(0).get("id").asLong();
        assertThat(chain.verifyAll().intact()).isTrue();

        byte[] original = jdbc.queryForObject("SELECT content FROM evidence_file WHERE id = ?", byte[].class, id);
        jdbc.update("UPDATE evidence_file SET content = ? WHERE id = ?", pdf(), id);
        try {
            JsonNode verification = JSON.readTree(Http.basic(port, "auditor", "demo")
                    .get("/api/audit/verification?full=true").body());
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("firstBroken").get("directiveNumber").asText()).isEqualTo(number);
            assertThat(verification.get("firstBroken").get("reason").asText()).contains("进展.png").contains("哈希不符");
        } finally {
            jdbc.update("UPDATE evidence_file SET content = ? WHERE id = ?", original, id);
        }
        assertThat(chain.verifyAll().intact()).isTrue();
    }

    @Test
    void aCommunitySeesNeitherItsSiblingsMaterialNorItsWorkAndItsStreetSeesBoth() throws Exception {
        Http ruyihu = Http.basic(port, "ruyihu", "demo");
        Http.Response passed = ruyihu.post("/api/directives/" + number + "/parts/ruyihu/sub-parts", """
                {"subParts":[{"unit":"ruyihu-ruyidong","instruction":"整治东片区","deadline":"%1$s"},
                             {"unit":"ruyihu-ruyixi","instruction":"整治西片区","deadline":"%1$s"}]}"""
                .formatted(calendar.plusWorkingDays(calendar.today(), 5)));
        assertThat(passed.status()).as(passed.body()).isEqualTo(201);
        driver.sign("ruyihu-ruyidong", driver.departmentWork(number, "ruyihu-ruyidong"));
        Http east = Http.basic(port, "ruyihu-ruyidong", "demo");
        Http.Response sent = east.postMultipart("/api/directives/" + number + "/parts/ruyihu-ruyidong/reports", List.of(
                Part.field("outcome", "progress"), Part.field("text", "东片区已整治两条巷道"),
                Part.file("files", "东片区.png", "image/png", png())));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        long file = JSON.readTree(sent.body()).get("files").get(0).get("id").asLong();
        String eastInstance = driver.processInstanceOf(number, "ruyihu-ruyidong");

        Http west = Http.basic(port, "ruyihu-ruyixi", "demo");
        assertThat(JSON.readTree(west.get("/api/directives/" + number + "/evidence").body())).isEmpty();
        assertThat(west.getBytes("/api/evidence/" + file).status()).isEqualTo(403);
        assertThat(JSON.readTree(west.get("/api/directives/" + number).body()).get("departments"))
                .extracting(d -> d.get("department").asText()).containsExactly("ruyihu-ruyixi");
        assertThat(JSON.readTree(west.get("/engine-rest/task?processInstanceId=" + eastInstance).body())).isEmpty();
        assertThat(JSON.readTree(west.get("/engine-rest/history/task?processInstanceId=" + eastInstance).body())).isEmpty();
        assertThat(JSON.readTree(west.get("/engine-rest/history/process-instance?processInstanceId=" + eastInstance)
                .body())).isEmpty();

        // the street above both sees the east's material; the other street sees nothing of either
        assertThat(JSON.readTree(ruyihu.get("/api/directives/" + number + "/evidence").body()))
                .extracting(f -> f.get("name").asText()).containsExactly("东片区.png");
        assertThat(ruyihu.getBytes("/api/evidence/" + file).status()).isEqualTo(200);
        // and, through /engine-rest, the east's task: in the search, by id, its variables; never to work on
        JsonNode eastTasks = JSON.readTree(ruyihu.get("/engine-rest/task?processInstanceId=" + eastInstance).body());
        assertThat(eastTasks).hasSize(1);
        String eastTask = eastTasks.get(0).get("id").asText();
        assertThat(ruyihu.get("/engine-rest/task/" + eastTask).status()).isEqualTo(200);
        assertThat(ruyihu.get("/engine-rest/task/" + eastTask + "/variables").status()).isEqualTo(200);
        assertThat(ruyihu.post("/engine-rest/task/" + eastTask + "/claim", "{\"userId\":\"ruyihu\"}").status())
                .isIn(403, 404);
        assertThat(ruyihu.post("/engine-rest/task/" + eastTask + "/complete", "{}").status()).isIn(403, 404);
        assertThat(engine.getTaskService().createTaskQuery().taskId(eastTask).singleResult().getAssignee()).isNull();
        // and the engine's history of the east's part: the instance and every task of it so far
        assertThat(JSON.readTree(ruyihu.get("/engine-rest/history/process-instance?processInstanceId=" + eastInstance)
                .body())).hasSize(1);
        assertThat(JSON.readTree(ruyihu.get("/engine-rest/history/task?processInstanceId=" + eastInstance).body()))
                .extracting(t -> t.get("id").asText()).contains(eastTask).hasSizeGreaterThanOrEqualTo(2);
        assertThat(JSON.readTree(east.get("/engine-rest/history/task?processInstanceId=" + eastInstance).body()))
                .hasSizeGreaterThanOrEqualTo(2);
        Http longzihu = Http.basic(port, "longzihu", "demo");
        assertThat(longzihu.getBytes("/api/evidence/" + file).status()).isEqualTo(403);
        assertThat(longzihu.get("/engine-rest/task/" + eastTask).status()).isIn(403, 404);
        assertThat(JSON.readTree(longzihu.get("/engine-rest/task?processInstanceId=" + eastInstance).body())).isEmpty();
        assertThat(JSON.readTree(longzihu.get("/engine-rest/history/task?processInstanceId=" + eastInstance).body()))
                .isEmpty();
        assertThat(JSON.readTree(longzihu.get("/engine-rest/history/process-instance?processInstanceId=" + eastInstance)
                .body())).isEmpty();
        // the files never enter the engine: no variable of the part holds them
        assertThat(engine.getRuntimeService().getVariables(eastInstance).keySet())
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("file"));
    }

    @Test
    void theOverviewDrillsDownFromTheCityToADistrictToItsStreets() throws Exception {
        Http supervisor = Http.basic(port, "supervisor", "demo");
        JsonNode city = JSON.readTree(supervisor.get("/api/dashboard").body());
        JsonNode zdxq = null;
        for (JsonNode row : city.get("departments")) {
            zdxq = row.get("department").asText().equals("zdxq") ? row : zdxq;
        }
        assertThat(city.get("departments")).extracting(r -> r.get("department").asText()).doesNotContain("ruyihu");
        assertThat(zdxq.get("withBelow").asBoolean()).isTrue();
        assertThat(zdxq.get("hasBelow").asBoolean()).isTrue();

        JsonNode district = JSON.readTree(supervisor.get("/api/dashboard?under=zdxq").body());
        assertThat(district.get("departments")).extracting(r -> r.get("department").asText())
                .containsExactly("zdxq", "ruyihu", "longzihu", "boxuelu");
        assertThat(district.get("path")).extracting(a -> a.get("code").asText()).containsExactly("zdxq");
        long districtOpen = district.get("byLight").get("GREEN").asLong() + district.get("byLight").get("YELLOW").asLong()
                + district.get("byLight").get("RED").asLong();
        assertThat(districtOpen).as("the district's part and its three streets' of this directive at least")
                .isGreaterThanOrEqualTo(4);
        JsonNode street = JSON.readTree(supervisor.get("/api/dashboard?under=ruyihu").body());
        assertThat(street.get("path")).extracting(a -> a.get("code").asText()).containsExactly("zdxq", "ruyihu");
        assertThat(Http.loggedIn(port, "supervisor", "demo").get("/overview?under=ruyihu").body())
                .contains("如意湖街道办事处本级及其全部下级单位").contains("下钻");

        // a street drills into its own subtree only; an unknown unit is named
        assertThat(Http.basic(port, "ruyihu", "demo").get("/api/dashboard?under=ruyihu").status()).isEqualTo(200);
        assertThat(Http.basic(port, "ruyihu", "demo").get("/api/dashboard?under=zdxq").status()).isEqualTo(403);
        assertThat(Http.basic(port, "ruyihu", "demo").get("/api/dashboard?under=longzihu").status()).isEqualTo(403);
        Http.Response unknown = supervisor.get("/api/dashboard?under=nowhere");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("under");
    }

    private JsonNode department(Http http, String unit) throws IOException {
        for (JsonNode d : JSON.readTree(http.get("/api/directives/" + number).body()).get("departments")) {
            if (d.get("department").asText().equals(unit)) {
                return d;
            }
        }
        throw new AssertionError(unit + " not shown");
    }

    private long openHandleTasks() {
        return engine.getTaskService().createTaskQuery().processInstanceId(driver.processInstanceOf(number, "ruyihu"))
                .taskDefinitionKey("Task_HandleDirective").count();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("验收表：合格");
            document.write(out);
            return out.toByteArray();
        }
    }
}
