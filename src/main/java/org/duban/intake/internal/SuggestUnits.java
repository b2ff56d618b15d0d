package org.duban.intake.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.intake.UnitSuggestion;
import org.duban.intake.UnitSuggestions;
import org.duban.organisation.Department;

/**
 * Suggests the units for a text from two signals: how well each unit's duties match it (BM25 over the duties,
 * divided by the best unit's), and which units led the similar past directives (each vote weighted by its
 * similarity). A unit named in the text (如意湖街道, 登封市) gains a bonus: the issuer rarely names a place by
 * chance. The weights were set on the development sets; the held-out set of labelled lead units only measures them.
 */
public class SuggestUnits {

    /** Past directives vote from this similarity on, the ten most similar at most (any status, any age). */
    public static final double VOTE_THRESHOLD = 0.15;
    public static final int VOTERS = 10;
    static final double DUTY_WEIGHT = 0.6;
    static final double VOTE_WEIGHT = 0.4;
    /**
     * Above the duty weight: a text that names a street or a district is that unit's to lead (属地管理) even where a
     * bureau's duties match it best; the bureau stays among the first three.
     */
    static final double NAMED_BONUS = 0.7;
    static final int LEADS = 3;
    static final int COS = 3;
    /** A co-unit must reach this share of the best unit's score. */
    static final double CO_SHARE = 0.35;

    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final Map<String, List<String>> shortNames = new LinkedHashMap<>();
    private final DutyIndex duties;

    public SuggestUnits(List<Department> departments, DutyIndex duties) {
        this.duties = duties;
        for (Department department : departments) {
            this.departments.put(department.code(), department);
            shortNames.put(department.code(), shortNames(department.name()));
        }
    }

    /** Names as a text would say them: 如意湖街道办事处 → 如意湖街道, 如意湖; 告成镇人民政府 → 告成镇, 告成. */
    static List<String> shortNames(String name) {
        List<String> names = new ArrayList<>();
        names.add(name);
        for (String suffix : List.of("管委会", "办事处", "人民政府")) {
            if (name.endsWith(suffix)) {
                String shorter = name.substring(0, name.length() - suffix.length());
                names.add(shorter);
                for (String place : List.of("街道", "镇", "乡")) {
                    if (shorter.endsWith(place) && shorter.length() - place.length() >= 2) {
                        names.add(shorter.substring(0, shorter.length() - place.length()));
                    }
                }
            }
        }
        if (name.endsWith("市") && !name.startsWith("市") && name.length() >= 3) {
            names.add(name.substring(0, name.length() - 1));
        }
        return names;
    }

    /** @param similar the similar past directives (any status), best first */
    public UnitSuggestions suggest(String text, List<Similarity.Match> similar) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        List<DutyIndex.DutyMatch> matches = duties.match(text, 20);
        double best = matches.isEmpty() ? 0 : matches.get(0).score();
        for (DutyIndex.DutyMatch match : matches) {
            candidate(candidates, match.code()).duty = best == 0 ? 0 : match.score() / best;
            candidate(candidates, match.code()).words = match.words();
        }
        double votes = similar.stream().mapToDouble(Similarity.Match::score).sum();
        for (Similarity.Match match : similar) {
            if (!departments.containsKey(match.leadDepartment())) {
                continue;
            }
            Candidate c = candidate(candidates, match.leadDepartment());
            c.vote += match.score() / votes;
            c.directives.add(match.number());
        }
        List<String> named = shortNames.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(text::contains)).map(Map.Entry::getKey).toList();
        // "登封市少林街道": the street is meant, not all of 登封市; a named unit's parents gain no bonus from it
        java.util.Set<String> parents = new java.util.HashSet<>();
        for (String code : named) {
            for (String up = departments.get(code).parentCode(); up != null; up = departments.get(up).parentCode()) {
                parents.add(up);
            }
        }
        named.stream().filter(code -> !parents.contains(code)).forEach(code -> candidate(candidates, code).named = true);
        List<Candidate> ranked = candidates.values().stream().filter(c -> c.score() > 0)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.code))
                .toList();
        if (ranked.isEmpty()) {
            return new UnitSuggestions(List.of(), List.of());
        }
        List<UnitSuggestion> lead = ranked.stream().limit(LEADS).map(this::suggestion).toList();
        double top = ranked.get(0).score();
        List<UnitSuggestion> co = ranked.stream().skip(1).filter(c -> c.score() >= CO_SHARE * top).limit(COS)
                .map(this::suggestion).toList();
        return new UnitSuggestions(lead, co);
    }

    /**
     * The matched words a person reads as the reason: whole words first. The segmenter also matches single characters
     * (占, 乱), which count towards the score but explain nothing when read alone; they are shown only when nothing
     * longer matched.
     */
    static List<String> wordsToShow(List<String> words) {
        List<String> whole = words.stream().filter(w -> w.codePointCount(0, w.length()) > 1).toList();
        List<String> shown = whole.isEmpty() ? words : whole;
        return shown.subList(0, Math.min(REASON_WORDS, shown.size()));
    }

    private static final int REASON_WORDS = 6;

    private static Candidate candidate(Map<String, Candidate> candidates, String code) {
        return candidates.computeIfAbsent(code, Candidate::new);
    }

    private UnitSuggestion suggestion(Candidate c) {
        // in [0, 1] for people; the order is by the raw sum
        double shown = Math.round(Math.min(1, c.score() / (DUTY_WEIGHT + VOTE_WEIGHT)) * 1000) / 1000.0;
        List<String> reasons = new ArrayList<>();
        if (c.named) {
            reasons.add("事项中提到本单位");
        }
        if (!c.words.isEmpty()) {
            reasons.add("职责相符：" + String.join("、", wordsToShow(c.words)));
        }
        if (!c.directives.isEmpty()) {
            reasons.add("曾主办相似事项 " + String.join("、", c.directives));
        }
        Department department = departments.get(c.code);
        return new UnitSuggestion(c.code, department == null ? c.code : department.name(), shown, c.words, c.named,
                c.directives, String.join("；", reasons));
    }

    private static final class Candidate {
        final String code;
        double duty;
        double vote;
        boolean named;
        List<String> words = List.of();
        final List<String> directives = new ArrayList<>();

        Candidate(String code) {
            this.code = code;
        }

        double score() {
            return DUTY_WEIGHT * duty + VOTE_WEIGHT * vote + (named ? NAMED_BONUS : 0);
        }
    }
}
