package org.duban.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The validated organisation: departments in file order, and the people in them. */
public final class Organisation {

    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final Map<String, Member> members = new LinkedHashMap<>();

    public Organisation(List<Department> departments, List<Member> members) {
        departments.forEach(department -> this.departments.put(department.code(), department));
        members.forEach(member -> this.members.put(member.id(), member));
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
        return departments.values().stream().filter(d -> code.equals(d.parentCode())).toList();
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
