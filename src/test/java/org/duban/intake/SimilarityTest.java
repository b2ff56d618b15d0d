package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.duban.directive.DirectiveStatus;
import org.duban.intake.internal.DirectiveIndex;
import org.duban.intake.internal.IndexedDirective;
import org.duban.intake.internal.Similarity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The similarity score's edges: a title alone, nothing to compare, the excluded directive, a scope, an upsert. */
class SimilarityTest {

    private final DirectiveIndex index = new DirectiveIndex();
    private final Similarity similarity = new Similarity(index);

    SimilarityTest() {
        index.upsert(List.of(
                directive("DB-2026-0001", "冬季供暖投诉快速处置", "供暖季群众反映的室温不达标、暖气不热问题，要24小时内上门处理并回访。", "cgj"),
                directive("DB-2026-0002", "新建供热管网工程建设", "加快城东片区供热主管网铺设，10月底前完成管道敷设和打压试验。", "zjj"),
                directive("DB-2026-0003", "高校毕业生就业帮扶", "开发见习岗位，举办专场招聘会，帮扶离校未就业毕业生。", "rsj")));
    }

    private static IndexedDirective directive(String number, String title, String instruction, String lead) {
        return new IndexedDirective(number, title, instruction, lead, DirectiveStatus.IN_PROGRESS, LocalDate.of(2026, 5, 1),
                Set.of(lead), true);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void aTitleAloneIsComparedWithTitles() {
        assertThat(similarity.similarTo("供暖投诉快速处置", "", null, null, 0.26, 5))
                .extracting(Similarity.Match::number).containsExactly("DB-2026-0001");
    }

    @Test
    void nothingToCompareFindsNothing() {
        assertThat(similarity.similarTo("", "  ", null, null, 0, 5)).isEmpty();
        assertThat(similarity.similarTo("的", "和", null, null, 0, 5)).as("style words only").isEmpty();
    }

    @Test
    void theExcludedDirectiveAndThoseOutOfScopeAreNotListed() {
        String title = "冬季供暖投诉快速处置";
        String instruction = "供暖季群众反映的室温不达标、暖气不热问题，要24小时内上门处理并回访。";
        assertThat(similarity.similarTo(title, instruction, null, null, 0.26, 5).get(0).score()).isEqualTo(1.0);
        assertThat(similarity.similarTo(title, instruction, null, "DB-2026-0001", 0.26, 5)).isEmpty();
        assertThat(similarity.similarTo(title, instruction, new TermQuery(new Term("unit", "zjj")), null, 0, 5))
                .extracting(Similarity.Match::number).doesNotContain("DB-2026-0001");
    }

    @Test
    void anUpsertReplacesTheDirective() {
        index.upsert(List.of(new IndexedDirective("DB-2026-0001", "冬季供暖投诉快速处置", "供暖季群众反映的暖气不热问题。", "cgj",
                DirectiveStatus.CLOSED, LocalDate.of(2026, 5, 1), Set.of("cgj"), true)));
        assertThat(index.size()).isEqualTo(3);
        assertThat(similarity.similarTo("冬季供暖投诉快速处置", "", null, null, 0.26, 5).get(0).status())
                .isEqualTo(DirectiveStatus.CLOSED);
    }

    @Test
    void aDirectiveChangedAndChangedBackIsSearchedAsItLastWas() {
        IndexedDirective closed = new IndexedDirective("DB-2026-0001", "冬季供暖投诉快速处置", "供暖季群众反映的暖气不热问题。", "cgj",
                DirectiveStatus.CLOSED, LocalDate.of(2026, 5, 1), Set.of("cgj"), true);
        IndexedDirective reopened = new IndexedDirective("DB-2026-0001", "冬季供暖投诉快速处置", "供暖季群众反映的暖气不热问题。", "cgj",
                DirectiveStatus.IN_PROGRESS, LocalDate.of(2026, 5, 1), Set.of("cgj"), true);
        index.upsert(List.of(closed));
        index.upsert(List.of(closed));
        assertThat(similarity.similarTo("冬季供暖投诉快速处置", "", null, null, 0.26, 5).get(0).status())
                .isEqualTo(DirectiveStatus.CLOSED);
        // written without a search in between: the next search still sees the last one
        index.upsert(List.of(reopened));
        index.upsert(List.of(closed));
        index.upsert(List.of(reopened));
        assertThat(similarity.similarTo("冬季供暖投诉快速处置", "", null, null, 0.26, 5).get(0).status())
                .isEqualTo(DirectiveStatus.IN_PROGRESS);
        assertThat(index.size()).isEqualTo(3);
    }
}
