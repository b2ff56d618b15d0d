package org.duban.directive;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Published, in the step's transaction, for every event entered in a directive's timeline. It carries what a
 * listener needs, so that none has to call back: the directive's title, the unit and its role, the actor, the
 * typed details, and whom it concerns.
 *
 * @param unit     the unit whose part the event is about; null for the directive as a whole
 * @param role     that part's role; null with {@code unit}
 * @param audience whom the event concerns (units, people, the office), as the directive's structure decides it
 */
public record DirectiveEvent(String number, String title, EventType type, String unit, PartRole role, String actor,
        OffsetDateTime at, EventDetails details, Audience audience) {

    /**
     * Who should hear of an event, by key: units (their mailbox and members), people by login, and the
     * supervision office as a whole.
     */
    public record Audience(Set<String> units, Set<String> people, boolean office) {

        public static final Audience NOBODY = new Audience(Set.of(), Set.of(), false);

        public Audience {
            units = Set.copyOf(units);
            people = Set.copyOf(people);
        }

        public static Audience units(java.util.Collection<String> units) {
            return new Audience(Set.copyOf(units), Set.of(), false);
        }

        public static Audience person(String id) {
            return id == null ? NOBODY : new Audience(Set.of(), Set.of(id), false);
        }

        public static Audience supervisionOffice() {
            return new Audience(Set.of(), Set.of(), true);
        }

        public boolean isEmpty() {
            return units.isEmpty() && people.isEmpty() && !office;
        }
    }
}
