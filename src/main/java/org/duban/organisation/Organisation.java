package org.duban.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The validated organisation: departments in file order, and the people in them. */
public final class Organisation {

    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, List<Department>> children = new LinkedHashMap<>();

    public Organisation(List<Department> departments, List<Member> members) {
        departments.forEach(department -> this.departments.put(department.code(), department));
        members.forEach(member -> this.members.put(member.id(), member));
        departments.forEach(d -> {
            if (d.parentCode() != null) {
                children.computeIfAbsent(d.parentCode(), parent -> new java.util.ArrayList<>()).add(d);
            }
        });
    }

    public List<Department> departments() {
        return List.copyOf(departments.values());
    }

    public List<Member> members() {
        return List.copyOf(members.values());
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(departments.get(code));
    }

    public Optional<Member> member(String id) {
        return Optional.ofNullable(members.get(id));
    }

    /** Whether {@code code} lies below {@code ancestor} in the tree (a sub-unit, or a sub-unit's sub-unit…). */
    public boolean isBelow(String code, String ancestor) {
        Department unit = departments.get(code);
        for (int hops = 0; unit != null && unit.parentCode() != null && hops < departments.size(); hops++) {
            if (unit.parentCode().equals(ancestor)) {
                return true;
            }
            unit = departments.get(unit.parentCode());
        }
        return false;
    }

    public List<Department> subUnitsOf(String code) {
        return List.copyOf(children.getOrDefault(code, List.of()));
    }

    /** Every unit below {@code code}, at any depth, each before the units below it. */
    public List<Department> below(String code) {
        List<Department> found = new java.util.ArrayList<>();
        java.util.Deque<String> next = new java.util.ArrayDeque<>(List.of(code));
        while (!next.isEmpty() && found.size() <= departments.size()) {
            for (Department child : children.getOrDefault(next.poll(), List.of())) {
                found.add(child);
                next.add(child.code());
            }
        }
        return found;
    }

    /** The units of one level, under {@code ancestor} (at any depth) or, when null, in the whole city. */
    public List<Department> at(Level level, String ancestor) {
        return departments.values().stream().filter(d -> d.level() == level)
                .filter(d -> ancestor == null || isBelow(d.code(), ancestor)).toList();
    }

    /** The units above {@code code}, nearest first (its parent, its parent's parent…). */
    public List<Department> above(String code) {
        List<Department> chain = new java.util.ArrayList<>();
        Department unit = departments.get(code);
        while (unit != null && unit.parentCode() != null && chain.size() < departments.size()) {
            unit = departments.get(unit.parentCode());
            if (unit != null) {
                chain.add(unit);
            }
        }
        return chain;
    }

    /** {@code code} itself and every unit below it. */
    public java.util.Set<String> subtree(String code) {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        if (departments.containsKey(code)) {
            codes.add(code);
            below(code).forEach(d -> codes.add(d.code()));
        }
        return codes;
    }

    public List<Member> membersOf(String departmentCode) {
        return members.values().stream()
                .filter(m -> m.has(Role.DEPARTMENT) && m.departmentCode().equals(departmentCode))
                .toList();
    }

    public List<Member> withRole(Role role) {
        return members.values().stream().filter(m -> m.has(role)).toList();
    }
}
