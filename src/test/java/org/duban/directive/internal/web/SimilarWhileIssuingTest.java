package org.duban.directive.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.duban.directive.DirectiveStatus;
import org.duban.directive.SimilarDirective;
import org.duban.directive.SimilarDirectives;
import org.duban.system.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The duplicates of an issue are searched beside it: what the answer lists leaves out the directive just issued and
 * the one it follows up, a search that fails leaves the list empty, and the search runs off the request's thread.
 */
class SimilarWhileIssuingTest {

    private static final CurrentUser LEADER = new CurrentUser("leader", Set.of("leaders"));
    private SimilarWhileIssuing similar;

    @AfterEach
    void stop() {
        similar.destroy();
    }

    private static SimilarWhileIssuing with(SimilarDirectives finder) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (finder != null) {
            beans.addBean("finder", finder);
        }
        return new SimilarWhileIssuing(beans.getBeanProvider(SimilarDirectives.class));
    }

    private static SimilarDirective match(String number) {
        return new SimilarDirective(number, "冬季供暖投诉快速处置", DirectiveStatus.IN_PROGRESS, "办理中", 0.8,
                "/directives/" + number);
    }

    @Test
    void theIssuedDirectiveAndTheOneItFollowsUpAreLeftOut() {
        Thread caller = Thread.currentThread();
        Thread[] searcher = new Thread[1];
        similar = with((title, instruction, user, excluded) -> {
            searcher[0] = Thread.currentThread();
            assertThat(excluded).isNull();
            return List.of(match("DB-2026-0001"), match("DB-2026-0002"), match("DB-2026-0003"));
        });
        var search = similar.start("冬季供暖投诉快速处置", "24小时内上门处理", LEADER);
        assertThat(similar.found(search, "DB-2026-0003", "DB-2026-0001")).extracting(SimilarDirective::number)
                .containsExactly("DB-2026-0002");
        assertThat(searcher[0]).isNotNull().isNotSameAs(caller);
    }

    @Test
    void aSearchThatFailsLeavesTheListEmpty() {
        similar = with((title, instruction, user, excluded) -> {
            throw new IllegalStateException("index closed");
        });
        assertThat(similar.found(similar.start("标题", "内容", LEADER), "DB-2026-0004", null)).isEmpty();
    }

    @Test
    void withoutTheIntakeModuleTheListIsEmpty() {
        similar = with(null);
        assertThat(similar.found(similar.start("标题", "内容", LEADER), "DB-2026-0005", null)).isEmpty();
    }
}
