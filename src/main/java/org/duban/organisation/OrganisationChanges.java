package org.duban.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.duban.organisation.OpenWorkOfUnits.OpenItem;

/**
 * What a new organisation changes against the one in force: units added, removed, moved to another parent or renamed,
 * people added, removed or changed (unit, roles, name), and the open work of the units that would go.
 */
public record OrganisationChanges(List<Unit> addedUnits, List<Unit> removedUnits, List<Move> movedUnits,
        List<Rename> renamedUnits, List<Person> addedPeople, List<Person> removedPeople, List<PersonChange> changedPeople,
        List<OpenItem> openWorkOfRemovedUnits) {

    public record Unit(String code, String name, String level, String parent) {}

    public record Move(String code, String name, String from, String to) {}

    public record Rename(String code, String from, String to) {}

    public record Person(String id, String name, String unit, List<String> roles) {}

    public record PersonChange(String id, String name, String change) {}

    public static OrganisationChanges between(Organisation before, Organisation after) {
        List<Unit> added = new ArrayList<>();
        List<Unit> removed = new ArrayList<>();
        List<Move> moved = new ArrayList<>();
        List<Rename> renamed = new ArrayList<>();
        for (Department unit : after.departments()) {
            Department old = before.department(unit.code()).orElse(null);
            if (old == null) {
                added.add(unit(unit, after));
                continue;
            }
            if (!Objects.equals(old.parentCode(), unit.parentCode())) {
                moved.add(new Move(unit.code(), unit.name(), name(before, old.parentCode()), name(after, unit.parentCode())));
            }
            if (!old.name().equals(unit.name())) {
                renamed.add(new Rename(unit.code(), old.name(), unit.name()));
            }
        }
        for (Department unit : before.departments()) {
            if (after.department(unit.code()).isEmpty()) {
                removed.add(unit(unit, before));
            }
        }
        List<Person> addedPeople = new ArrayList<>();
        List<Person> removedPeople = new ArrayList<>();
        List<PersonChange> changedPeople = new ArrayList<>();
        for (Member person : after.members()) {
            Member old = before.member(person.id()).orElse(null);
            if (old == null) {
                addedPeople.add(person(person, after));
                continue;
            }
            List<String> changes = new ArrayList<>();
            if (!Objects.equals(old.departmentCode(), person.departmentCode())) {
                changes.add("单位：" + name(before, old.departmentCode()) + " → " + name(after, person.departmentCode()));
            }
            if (!old.roles().equals(person.roles())) {
                changes.add("角色：" + roles(old) + " → " + roles(person));
            }
            if (!old.name().equals(person.name())) {
                changes.add("姓名：" + old.name() + " → " + person.name());
            }
            if (!changes.isEmpty()) {
                changedPeople.add(new PersonChange(person.id(), person.name(), String.join("；", changes)));
            }
        }
        for (Member person : before.members()) {
            if (after.member(person.id()).isEmpty()) {
                removedPeople.add(person(person, before));
            }
        }
        return new OrganisationChanges(added, removed, moved, renamed, addedPeople, removedPeople, changedPeople,
                List.of());
    }

    public OrganisationChanges withOpenWork(List<OpenItem> open) {
        return new OrganisationChanges(addedUnits, removedUnits, movedUnits, renamedUnits, addedPeople, removedPeople,
                changedPeople, List.copyOf(open));
    }

    public Set<String> removedUnitCodes() {
        return removedUnits.stream().map(Unit::code).collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean unchanged() {
        return addedUnits.isEmpty() && removedUnits.isEmpty() && movedUnits.isEmpty() && renamedUnits.isEmpty()
                && addedPeople.isEmpty() && removedPeople.isEmpty() && changedPeople.isEmpty();
    }

    /** In Chinese, for the history and the confirmation: "新增单位 2 个；撤销单位 1 个；…", or "无变化". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        count(parts, "新增单位", addedUnits.size(), "个");
        count(parts, "撤销单位", removedUnits.size(), "个");
        count(parts, "调整隶属", movedUnits.size(), "个");
        count(parts, "更名", renamedUnits.size(), "个");
        count(parts, "新增人员", addedPeople.size(), "人");
        count(parts, "移除人员", removedPeople.size(), "人");
        count(parts, "人员变动", changedPeople.size(), "人");
        return parts.isEmpty() ? "无变化" : String.join("；", parts);
    }

    private static void count(List<String> parts, String what, int n, String unit) {
        if (n > 0) {
            parts.add(what + " " + n + " " + unit);
        }
    }

    private static Unit unit(Department unit, Organisation in) {
        return new Unit(unit.code(), unit.name(), unit.level().label(), name(in, unit.parentCode()));
    }

    private static Person person(Member person, Organisation in) {
        return new Person(person.id(), person.name(), name(in, person.departmentCode()),
                person.roles().stream().map(Role::label).sorted().toList());
    }

    private static String name(Organisation in, String code) {
        if (code == null) {
            return "（无上级）";
        }
        return in.department(code).map(Department::name).orElse(code);
    }

    private static String roles(Member person) {
        return person.roles().stream().map(Role::label).sorted().collect(Collectors.joining("、"));
    }
}
