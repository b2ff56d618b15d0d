package org.duban.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.duban.directive.DirectiveEvent;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.DirectiveText;
import org.duban.directive.DirectiveTexts;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.junit.jupiter.api.Test;

class DirectiveIndexRefreshTest {

    /** The directive as the database holds it now, and how often the index asked for it. */
    private static final class OneDirective implements DirectiveTexts {
        DirectiveStatus status = DirectiveStatus.DRAFT;
        boolean dispatched;
        Set<String> units = Set.of("A", "B");
        int reads;

        DirectiveText text() {
            return new DirectiveText("DB-2026-0001", "推进老旧小区改造", "年底前完成", "A", status, LocalDate.of(2026, 12, 1),
                    OffsetDateTime.parse("2026-12-01T09:00:00+08:00"), dispatched, units);
        }

        @Override
        public List<DirectiveText> issuedAfter(OffsetDateTime after) {
            return List.of(text());
        }

        @Override
        public List<DirectiveText> one(String number) {
            reads++;
            return List.of(text());
        }
    }

    private static DirectiveEvent event(EventType type) {
        return new DirectiveEvent("DB-2026-0001", "推进老旧小区改造", type, null, null, "system", OffsetDateTime.now(),
                new EventDetails.Dispatched(List.of("A")), DirectiveEvent.Audience.NOBODY);
    }

    @Test
    void aLargeDirectivesLaterBatchesAreNotReadAgainButWhatChangesItStillIs() {
        OneDirective db = new OneDirective();
        DirectiveIndexRefresh refresh = new DirectiveIndexRefresh(new DirectiveRows(db), Clock.systemUTC(),
                Duration.ofMinutes(2));
        refresh.build();
        DirectiveIndex index = refresh.directiveIndex();
        assertThat(index.holdsDispatched("DB-2026-0001")).isFalse();

        db.status = DirectiveStatus.IN_PROGRESS;
        db.dispatched = true;
        refresh.on(event(EventType.DISPATCHED));
        assertThat(db.reads).isEqualTo(1);
        assertThat(index.holdsDispatched("DB-2026-0001")).isTrue();

        refresh.on(event(EventType.DISPATCHED));
        refresh.on(event(EventType.DISPATCHED));
        assertThat(db.reads).as("the second and third batch change nothing the index holds").isEqualTo(1);

        db.units = Set.of("A", "C");
        refresh.on(event(EventType.REASSIGNED));
        assertThat(db.reads).isEqualTo(2);

        index.clear();
        assertThat(index.holdsDispatched("DB-2026-0001")).isFalse();
        refresh.on(event(EventType.DISPATCHED));
        assertThat(db.reads).as("an index rebuilt from nothing reads the directive on its dispatch").isEqualTo(3);
        assertThat(index.holdsDispatched("DB-2026-0001")).isTrue();
    }
}
