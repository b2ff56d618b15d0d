package org.duban.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 工作台: a unit's open tasks on the home page, each naming its directive, nobody else's among them (a town with little
 * other work in the shared test database, so that its two stand among the twenty shown).
 */
@DubanIntegrationTest
class WorkDeskIT {

    @LocalServerPort
    int port;

    @Test
    void aUnitWithTwoDirectivesSeesBothOnItsDeskAndNotAnotherUnitsWork() {
        String tag = Long.toString(System.nanoTime(), 36);
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        Http leader = Http.basic(port, "leader", "demo");
        for (String[] d : new String[][] {{"科技成果转化 " + tag, "songyang"}, {"创新平台建设 " + tag, "songyang"},
                {"文旅融合 " + tag, "dfs"}}) {
            assertThat(leader.post("/api/directives", """
                    {"title":"%s","instruction":"请办理","priority":"urgent","leadDepartment":"%s","deadline":"%s"}"""
                    .formatted(d[0], d[1], deadline)).status()).isEqualTo(201);
        }
        String desk = Http.loggedIn(port, "songyang", "demo").get("/").body();
        assertThat(desk).contains("我的待办", "科技成果转化 " + tag, "创新平台建设 " + tag, "去办理", "#/?task=", "紧急")
                .doesNotContain("文旅融合 " + tag);
        assertThat(desk.replaceAll("\\s+", " ")).containsPattern("<span>签收</span><strong>\\d+</strong>");

        String empty = Http.loggedIn(port, "auditor", "demo").get("/").body();
        assertThat(empty).contains("暂无待办任务").doesNotContain(tag);
    }
}
