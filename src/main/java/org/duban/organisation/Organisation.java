package org.duban.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated organisation: departments in file order, and the people in them. The one bean every module reads is
 * the organisation in force: an administrator's reload ({@code OrganisationLoading}) puts a new version in it at once,
 * so nobody holds on to an old copy.
 */
public final class Organisation {

    /** One version, never changed once built; the bean swaps whole versions. */
    private record Version(Map<String, Department> departments, Map<String, Member> members,
            Map<String, List<Department>> children) {

        static Version of(List<Department> departments, List<Member> members) {
            Map<String, Department> byCode = new LinkedHashMap<>();
            Map<String, Member> byId = new LinkedHashMap<>();
            Map<String, List<Department>> children = new LinkedHashMap<>();
            departments.forEach(department -> byCode.put(department.code(), department));
            members.forEach(member -> byId.put(member.id(), member));
            departments.forEach(d -> {
                if (d.parentCode() != null) {
                    children.computeIfAbsent(d.parentCode(), parent -> new java.util.ArrayList<>()).add(d);
                }
            });
            return new Version(byCode, byId, children);
        }
    }

    private volatile Version version;

    public Organisation(List<Department> departments, List<Member> members) {
        this.version = Version.of(departments, members);
    }

    /**
     * Puts {@code newer} in force in this bean. Called by the organisation module's loading only (a reload by an
     * administrator, or another node's reload seen here); everyone else reads.
     */
    public void replaceWith(Organisation newer) {
        this.version = newer.version;
    }

    public List<Department> departments() {
        return List.copyOf(version.departments().values());
    }

    public List<Member> members() {
        return List.copyOf(version.members().values());
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(version.departments().get(code));
    }

    public Optional<Member> member(String id) {
        return Optional.ofNullable(version.members().get(id));
    }

    /** Whether {@code code} lies below {@code ancestor} in the tree (a sub-unit, or a sub-unit's sub-unit…). */
    public boolean isBelow(String code, String ancestor) {
        Version v = version;
        Department unit = v.departments().get(code);
        for (int hops = 0; unit != null && unit.parentCode() != null && hops < v.departments().size(); hops++) {
            if (unit.parentCode().equals(ancestor)) {
                return true;
            }
            unit = v.departments().get(unit.parentCode());
        }
        return false;
    }

    public List<Department> subUnitsOf(String code) {
        return List.copyOf(version.children().getOrDefault(code, List.of()));
    }

    /** Every unit below {@code code}, at any depth, each before the units below it. */
    public List<Department> below(String code) {
        Version v = version;
        List<Department> found = new java.util.ArrayList<>();
        java.util.Deque<String> next = new java.util.ArrayDeque<>(List.of(code));
        while (!next.isEmpty() && found.size() <= v.departments().size()) {
            for (Department child : v.children().getOrDefault(next.poll(), List.of())) {
                found.add(child);
                next.add(child.code());
            }
        }
        return found;
    }

    /** The units of one level, under {@code ancestor} (at any depth) or, when null, in the whole city. */
    public List<Department> at(Level level, String ancestor) {
        return version.departments().values().stream().filter(d -> d.level() == level)
                .filter(d -> ancestor == null || isBelow(d.code(), ancestor)).toList();
    }

    /** The units above {@code code}, nearest first (its parent, its parent's parent…). */
    public List<Department> above(String code) {
        Version v = version;
        List<Department> chain = new java.util.ArrayList<>();
        Department unit = v.departments().get(code);
        while (unit != null && unit.parentCode() != null && chain.size() < v.departments().size()) {
            unit = v.departments().get(unit.parentCode());
            if (unit != null) {
                chain.add(unit);
            }
        }
        return chain;
    }

    /** {@code code} itself and every unit below it. */
    public java.util.Set<String> subtree(String code) {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        if (version.departments().containsKey(code)) {
            codes.add(code);
            below(code).forEach(d -> codes.add(d.code()));
        }
        return codes;
    }

    public List<Member> membersOf(String departmentCode) {
        return version.members().values().stream()
                .filter(m -> m.has(Role.DEPARTMENT) && m.departmentCode().equals(departmentCode))
                .toList();
    }

    public List<Member> withRole(Role role) {
        return version.members().values().stream().filter(m -> m.has(role)).toList();
    }
}
