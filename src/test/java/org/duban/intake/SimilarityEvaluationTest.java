package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.duban.directive.DirectiveStatus;
import org.duban.intake.internal.DirectiveIndex;
import org.duban.intake.internal.IndexedDirective;
import org.duban.intake.internal.Similarity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Duplicate detection on the labelled pairs, without Spring: the left sides are indexed (each distinct text once,
 * all pairs' lefts together, so that every query meets the other matters as distractors), each right side is asked
 * for, and a pair counts as "the same" when its left is among the top 5 at the configured threshold. The threshold
 * was chosen on the even-numbered pairs (the tuning half); the figures asserted are those of the odd-numbered
 * pairs (the held-out half).
 */
class SimilarityEvaluationTest {

    private DirectiveIndex index;
    private Similarity similarity;
    private final Map<String, String> numberOfText = new LinkedHashMap<>();
    private LabelledPairs labelled;

    @BeforeEach
    void indexTheLeftSides() throws IOException {
        labelled = LabelledPairs.read("/intake/similar-pairs.tsv");
        List<IndexedDirective> directives = new ArrayList<>();
        for (LabelledPairs.Pair pair : labelled.pairs()) {
            numberOfText.computeIfAbsent(pair.left().whole(), text -> {
                String number = "DB-2026-" + String.format(Locale.ROOT, "%04d", numberOfText.size() + 1);
                directives.add(new IndexedDirective(number, pair.left().title(), pair.left().instruction(), "dcs",
                        DirectiveStatus.IN_PROGRESS, LocalDate.of(2026, 5, 1), Set.of("dcs"), true));
                return number;
            });
        }
        index = new DirectiveIndex();
        index.upsert(directives);
        similarity = new Similarity(index);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void findsTheSameMatterRewordedAndNotTheSameWordsOfAnotherMatter() throws IOException {
        double threshold = configuredThreshold();
        int n = labelled.pairs().size();
        assertThat(n).as("labelled pairs").isGreaterThanOrEqualTo(220);
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            LabelledPairs.Pair pair = labelled.pairs().get(i);
            labels[i] = pair.same();
            String wanted = numberOfText.get(pair.left().whole());
            scores[i] = similarity.similarTo(pair.right().title(), pair.right().instruction(), null, null, 0, 5).stream()
                    .filter(m -> m.number().equals(wanted)).mapToDouble(Similarity.Match::score).findFirst().orElse(0);
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Duplicate detection on %d labelled pairs (%d same matter, %d not), "
                + "%d distinct directives indexed%n", n, count(labels, true), count(labels, false), numberOfText.size()));
        report.append("configured threshold (duban.intake.similar-threshold): ").append(threshold).append('\n');
        report.append("tuning half (even pairs), threshold sweep:\n");
        double best = Double.NaN;
        double bestF1 = -1;
        for (int step = 10; step <= 60; step++) {
            double t = step / 100.0;
            Figures f = figures(scores, labels, t, 0);
            if (f.precision() >= 0.9 && f.recall() >= 0.8 && f.f1() > bestF1) {
                bestF1 = f.f1();
                best = t;
            }
            if (step % 5 == 0) {
                report.append(String.format(Locale.ROOT, "  %.2f  %s%n", t, f));
            }
        }
        report.append(String.format(Locale.ROOT, "  best F1 on the tuning half with precision >= 0.9 and recall >= 0.8 at %.2f%n",
                best));
        Figures tuning = figures(scores, labels, threshold, 0);
        Figures heldOut = figures(scores, labels, threshold, 1);
        Figures all = figures(scores, labels, threshold, -1);
        report.append("at the configured threshold:\n");
        report.append("  tuning half   (even pairs): ").append(tuning).append('\n');
        report.append("  held-out half (odd pairs):  ").append(heldOut).append('\n');
        report.append("  all pairs:                  ").append(all).append('\n');
        System.out.print(report);
        Path out = Path.of("target", "intake", "similarity.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertThat(heldOut.precision()).as("precision on the held-out half").isGreaterThanOrEqualTo(0.9);
        assertThat(heldOut.recall()).as("recall on the held-out half").isGreaterThanOrEqualTo(0.8);
        assertThat(all.precision()).as("precision on all pairs").isGreaterThanOrEqualTo(0.9);
        assertThat(all.recall()).as("recall on all pairs").isGreaterThanOrEqualTo(0.8);
    }

    /** {@code half} 0: even pairs, 1: odd pairs, -1: all. */
    private static Figures figures(double[] scores, boolean[] labels, double threshold, int half) {
        List<Boolean> l = new ArrayList<>();
        List<Boolean> d = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (half < 0 || i % 2 == half) {
                l.add(labels[i]);
                d.add(scores[i] >= threshold);
            }
        }
        boolean[] ls = new boolean[l.size()];
        boolean[] ds = new boolean[d.size()];
        for (int i = 0; i < ls.length; i++) {
            ls[i] = l.get(i);
            ds[i] = d.get(i);
        }
        return Figures.of(ls, ds);
    }

    private static int count(boolean[] labels, boolean value) {
        int c = 0;
        for (boolean b : labels) {
            c += b == value ? 1 : 0;
        }
        return c;
    }

    static double configuredThreshold() throws IOException {
        try (InputStream in = SimilarityEvaluationTest.class.getResourceAsStream("/application.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            return root.path("duban").path("intake").path("similar-threshold").asDouble(Double.NaN);
        }
    }
}
