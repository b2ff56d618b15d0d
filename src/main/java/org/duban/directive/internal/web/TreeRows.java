package org.duban.directive.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.directive.DirectiveView;

/** The parts a page shows, in the order of their tree (each part followed by those below it) and with its depth. */
record TreeRows(DirectiveView.Department part, int depth) {

    static List<TreeRows> of(List<DirectiveView.Department> parts) {
        Map<String, List<DirectiveView.Department>> children = new LinkedHashMap<>();
        java.util.Set<String> shown = new java.util.HashSet<>();
        parts.forEach(p -> shown.add(p.department()));
        List<DirectiveView.Department> roots = new ArrayList<>();
        for (DirectiveView.Department p : parts) {
            // a part whose parent the viewer does not see starts a tree of its own
            if (p.parentUnit() == null || !shown.contains(p.parentUnit())) {
                roots.add(p);
            } else {
                children.computeIfAbsent(p.parentUnit(), unit -> new ArrayList<>()).add(p);
            }
        }
        List<TreeRows> rows = new ArrayList<>();
        roots.forEach(root -> add(root, 0, children, rows));
        return rows;
    }

    private static void add(DirectiveView.Department part, int depth, Map<String, List<DirectiveView.Department>> children,
            List<TreeRows> rows) {
        rows.add(new TreeRows(part, depth));
        for (DirectiveView.Department child : children.getOrDefault(part.department(), List.of())) {
            if (depth < 10) {
                add(child, depth + 1, children, rows);
            }
        }
    }
}
