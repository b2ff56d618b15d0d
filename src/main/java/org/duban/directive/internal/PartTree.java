package org.duban.directive.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.directive.Light;
import org.duban.directive.PartRole;

/**
 * A directive's parts as the tree they form (a part passed down hangs under its holder's): who sees which parts,
 * and what each part's subtree adds up to. The rule of visibility, in one place: a unit sees its own parts and,
 * for what it passed down (or was reached below it), the whole subtree; the lead unit also sees the directive's
 * other own units (主办汇总); nobody sees a sibling's or an unrelated unit's part.
 */
public final class PartTree {

    /** What the parts below one part add up to: the worst open light, and how many are open and overdue. */
    public record Below(int open, int overdue, Light worstOpen) {

        static final Below NONE = new Below(0, 0, null);
    }

    private final List<PartRow> parts;
    private final Map<String, PartRow> byUnit = new HashMap<>();
    private final Map<String, List<PartRow>> children = new HashMap<>();

    public PartTree(List<PartRow> parts) {
        this.parts = List.copyOf(parts);
        for (PartRow p : parts) {
            byUnit.put(p.unit(), p);
            if (p.parentUnit() != null) {
                children.computeIfAbsent(p.parentUnit(), unit -> new ArrayList<>()).add(p);
            }
        }
    }

    /** Every part at any depth below {@code unit}'s part. */
    public List<PartRow> below(String unit) {
        List<PartRow> found = new ArrayList<>();
        java.util.Deque<String> next = new java.util.ArrayDeque<>(List.of(unit));
        while (!next.isEmpty() && found.size() <= parts.size()) {
            for (PartRow child : children.getOrDefault(next.poll(), List.of())) {
                found.add(child);
                next.add(child.unit());
            }
        }
        return found;
    }

    public Below summaryBelow(String unit) {
        List<PartRow> open = below(unit).stream().filter(PartRow::isOpen).toList();
        if (open.isEmpty()) {
            return Below.NONE;
        }
        List<Light> lights = open.stream().map(PartRow::light).filter(java.util.Objects::nonNull).toList();
        return new Below(open.size(), (int) open.stream().filter(p -> p.light() == Light.RED).count(),
                lights.isEmpty() ? null : Light.worst(lights));
    }

    /** The units whose parts the members of {@code units} may see. */
    public Set<String> visibleTo(Set<String> units) {
        Set<String> visible = new LinkedHashSet<>();
        boolean lead = false;
        for (PartRow p : parts) {
            if (units.contains(p.unit())) {
                visible.add(p.unit());
                below(p.unit()).forEach(b -> visible.add(b.unit()));
                lead |= p.role() == PartRole.LEAD;
            }
        }
        if (lead) {
            parts.stream().filter(p -> !p.isSubPart()).forEach(p -> visible.add(p.unit()));
        }
        return visible;
    }

    public boolean contains(String unit) {
        return byUnit.containsKey(unit);
    }
}
