package org.duban.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.SimilarDirective;
import org.duban.directive.SimilarDirectives;
import org.duban.system.BeijingTime;
import org.duban.system.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Duplicate detection (自动查重): open directives and those issued in the last 365 days whose text says the same,
 * among those the person may see (a unit: the dispatched directives it holds a part of, as in the ledger), the
 * five most similar from the configured threshold on.
 */
@Component
class SimilarDirectivesFinder implements SimilarDirectives {

    static final int LIMIT = 5;
    static final int RECENT_DAYS = 365;

    private static final Map<DirectiveStatus, String> STATUS_NAMES = Map.of(DirectiveStatus.DRAFT, "待批示",
            DirectiveStatus.REJECTED, "未获批准", DirectiveStatus.IN_PROGRESS, "办理中", DirectiveStatus.CLOSED, "已办结",
            DirectiveStatus.CANCELLED, "已撤回");

    private final Similarity similarity;
    private final Clock clock;
    private final double threshold;

    SimilarDirectivesFinder(Similarity similarity, Clock clock,
            @Value("${duban.intake.similar-threshold:0.26}") double threshold) {
        this.similarity = similarity;
        this.clock = clock;
        this.threshold = threshold;
    }

    @Override
    public List<SimilarDirective> similarTo(String title, String instruction, CurrentUser user, String excluded) {
        return similarity.similarTo(title, instruction, scope(user), excluded, threshold, LIMIT).stream()
                .map(m -> new SimilarDirective(m.number(), m.title(), m.status(), STATUS_NAMES.get(m.status()), m.score(),
                        "/directives/" + m.number()))
                .toList();
    }

    /** Open or issued within the year, and visible to the person. */
    private Query scope(CurrentUser user) {
        int since = (int) LocalDate.now(clock.withZone(BeijingTime.ZONE)).minusDays(RECENT_DAYS).toEpochDay();
        BooleanQuery.Builder scope = new BooleanQuery.Builder()
                .add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(DirectiveIndex.OPEN, "true")), BooleanClause.Occur.SHOULD)
                        .add(IntPoint.newRangeQuery(DirectiveIndex.ISSUED_DAY, since, Integer.MAX_VALUE),
                                BooleanClause.Occur.SHOULD)
                        .build(), BooleanClause.Occur.FILTER);
        if (!user.seesEverything()) {
            BooleanQuery.Builder units = new BooleanQuery.Builder();
            user.departments().forEach(unit -> units.add(new TermQuery(new Term(DirectiveIndex.UNIT, unit)),
                    BooleanClause.Occur.SHOULD));
            // a unit of nobody's sees nothing: an empty SHOULD list matches no document
            scope.add(units.build(), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(DirectiveIndex.DISPATCHED, "true")), BooleanClause.Occur.FILTER);
        }
        return scope.build();
    }
}
