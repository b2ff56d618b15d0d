package org.duban.directive.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.Light;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored lights of the read model true, by {@link LightRule}. A step that changes a part refreshes
 * that part's light and its directive's in the step's own transaction; {@link #refreshOpen()} moves every open
 * directive on when the working day changes, the only other thing that can turn a light.
 *
 * <p>Concurrency: a part's light is written only if the part still has the status and deadline it was computed
 * from, so a refresh racing a step never overwrites the step's result; parts are written before their directive,
 * like every step does, so they cannot deadlock. The directive's light is taken without a lock: two parts
 * finishing at the same moment may leave it one step behind, and the next step on the directive (at the latest,
 * closing it) puts it right.
 */
@Component
public class Lights {

    private final DirectiveStore directives;
    private final PartStore parts;
    private final LightRule rule;
    private final WorkCalendar calendar;
    private final TransactionTemplate transaction;

    Lights(DirectiveStore directives, PartStore parts, LightRule rule, WorkCalendar calendar,
            PlatformTransactionManager transactions) {
        this.directives = directives;
        this.parts = parts;
        this.rule = rule;
        this.calendar = calendar;
        this.transaction = new TransactionTemplate(transactions);
    }

    static Light parse(String stored) {
        return stored == null ? null : Light.valueOf(stored);
    }

    /** After a step on one unit's part: that part's light, then the directive's. */
    public void refresh(String number, String unit) {
        refresh(number, unit, calendar.today());
    }

    /** After a step on the directive as a whole: every part's light and the directive's. */
    public void refresh(String number) {
        refresh(number, null, calendar.today());
    }

    /**
     * Brings every open directive's lights up to today, each directive in its own short transaction.
     *
     * @return how many directives changed light
     */
    public int refreshOpen() {
        LocalDate today = calendar.today();
        int changed = 0;
        for (String number : directives.toRefresh()) {
            changed += Boolean.TRUE.equals(transaction.execute(status -> refresh(number, null, today))) ? 1 : 0;
        }
        return changed;
    }

    /**
     * The light a part shows on {@code day}; none while it has not reached its unit (its directive is a draft, or
     * its delivery batch has not run yet).
     */
    public Light of(DirectiveRow directive, PartRow part, LocalDate day) {
        return part.isDelivered() ? onceDelivered(directive, part, day) : null;
    }

    /** The light a part shows from its delivery on, written with the delivery itself ({@link Delivery#bind}). */
    Light onDelivery(DirectiveRow directive, PartRow part) {
        return onceDelivered(directive, part, calendar.today());
    }

    /**
     * A batch of parts has reached its units, their lights written with their delivery: the directive shows the
     * worse of what it showed and theirs. The worst light of a directive only grows as parts are added, so the
     * parts delivered before need no second reading (a directive to 1,000 units would read them all per batch).
     */
    void delivered(DirectiveRow directive, List<PartRow> batch) {
        List<Light> lights = new ArrayList<>();
        if (directive.light() != null) {
            lights.add(directive.light());
        }
        LocalDate today = calendar.today();
        batch.stream().filter(part -> !part.isSubPart()).map(part -> onceDelivered(directive, part, today))
                .filter(Objects::nonNull).forEach(lights::add);
        Light light = lights.isEmpty() ? null : Light.worst(lights);
        if (!Objects.equals(light, directive.light())) {
            directives.light(directive.number(), light);
        }
    }

    private Light onceDelivered(DirectiveRow directive, PartRow part, LocalDate day) {
        if (directive.status() == DirectiveStatus.DRAFT || directive.status() == DirectiveStatus.REJECTED) {
            return null;
        }
        return rule.part(part.status(), part.deadline(), part.yellowFrom(), part.submittedOn(), part.lateDays(), day);
    }

    private boolean refresh(String number, String onlyUnit, LocalDate today) {
        DirectiveRow directive = directives.find(number).orElse(null);
        if (directive == null) {
            return false;
        }
        List<Light> lights = new ArrayList<>();
        for (PartRow part : parts.of(number)) {
            Light light = part.unit().equals(onlyUnit) || onlyUnit == null ? of(directive, part, today) : part.light();
            if ((onlyUnit == null || part.unit().equals(onlyUnit)) && light != part.light()) {
                parts.light(part, light);
            }
            // sub-parts are rolled up into their parent's; the directive shows the worst of its own parts
            if (light != null && !part.isSubPart()) {
                lights.add(light);
            }
        }
        Light light = switch (directive.status()) {
            case DRAFT, REJECTED, CANCELLED -> null;
            case IN_PROGRESS, CLOSED -> lights.isEmpty() ? null : Light.worst(lights);
        };
        if (Objects.equals(light, directive.light())) {
            return false;
        }
        directives.light(number, light);
        return true;
    }
}
