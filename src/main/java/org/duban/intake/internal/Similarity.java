package org.duban.intake.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.duban.directive.DirectiveStatus;

/**
 * How alike a new text is to the indexed directives. BM25 finds the candidates; each is then scored by the cosine
 * of tf-idf word vectors (title words counting twice), which is in [0, 1] whatever the lengths, so one threshold
 * serves short and long texts. Measured on the labelled pairs (SimilarityEvaluationTest), the cosine separated
 * "same matter reworded" from "same words, other matter" better than BM25 divided by the best score.
 */
public class Similarity {

    /** How many BM25 candidates are rescored: enough that a reworded text is among them. */
    static final int CANDIDATES = 40;
    /** Query words kept (the rarest first): long instructions stay fast and below Lucene's clause limit. */
    static final int MAX_QUERY_WORDS = 64;
    static final double TITLE_WEIGHT = 2.0;

    public record Match(String number, String title, DirectiveStatus status, String leadDepartment, LocalDate issuedOn,
            double score) {}

    private final DirectiveIndex index;

    public Similarity(DirectiveIndex index) {
        this.index = index;
    }

    /**
     * The directives within {@code scope} most like the text, best first, at least {@code threshold}, at most
     * {@code limit}; {@code excluded} (the directive just issued) never matches itself.
     */
    public List<Match> similarTo(String title, String instruction, Query scope, String excluded, double threshold,
            int limit) {
        List<String> titleWords = ChineseText.words(title);
        List<String> bodyWords = ChineseText.words(instruction);
        if (titleWords.isEmpty() && bodyWords.isEmpty()) {
            return List.of();
        }
        IndexSearcher searcher = index.acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            Map<String, Double> idf = new HashMap<>();
            Map<String, Double> query = vector(titleWords, bodyWords, idf, reader);
            if (query.isEmpty()) {
                return List.of();
            }
            TopDocs top = searcher.search(query(query, scope), CANDIDATES + 1);
            List<Match> matches = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                String number = doc.get(DirectiveIndex.NUMBER);
                if (number.equals(excluded)) {
                    continue;
                }
                // a title alone (the Issue page asks while the instruction is still empty) is compared with titles
                Map<String, Double> candidate = vector(DirectiveIndex.words(doc, DirectiveIndex.TITLE_WORDS),
                        bodyWords.isEmpty() ? List.of() : DirectiveIndex.words(doc, DirectiveIndex.BODY_WORDS), idf, reader);
                double score = cosine(query, candidate);
                if (score >= threshold) {
                    matches.add(new Match(number, doc.get(DirectiveIndex.TITLE), DirectiveIndex.status(doc),
                            doc.get(DirectiveIndex.LEAD), DirectiveIndex.day(doc), round(score)));
                }
            }
            matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::number));
            return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : matches;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private static Query query(Map<String, Double> words, Query scope) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        words.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(MAX_QUERY_WORDS)
                .forEach(word -> text.add(new BoostQuery(new TermQuery(new Term(DirectiveIndex.TEXT, word.getKey())),
                        (float) Math.max(0.1, word.getValue())), BooleanClause.Occur.SHOULD));
        return new BooleanQuery.Builder()
                .add(text.build(), BooleanClause.Occur.MUST)
                .add(scope == null ? new MatchAllDocsQuery() : scope, BooleanClause.Occur.FILTER)
                .build();
    }

    /** Word weights (1 + ln tf) · idf, title occurrences counting {@link #TITLE_WEIGHT} times. */
    private static Map<String, Double> vector(List<String> titleWords, List<String> bodyWords, Map<String, Double> idf,
            IndexReader reader) throws IOException {
        Map<String, Double> tf = new LinkedHashMap<>();
        titleWords.forEach(w -> tf.merge(w, TITLE_WEIGHT, Double::sum));
        bodyWords.forEach(w -> tf.merge(w, 1.0, Double::sum));
        Map<String, Double> vector = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : tf.entrySet()) {
            Double weight = idf.get(e.getKey());
            if (weight == null) {
                weight = idf(reader, e.getKey());
                idf.put(e.getKey(), weight);
            }
            vector.put(e.getKey(), (1 + Math.log(e.getValue())) * weight);
        }
        return vector;
    }

    /**
     * Document frequencies from a young index (a new installation, a handful of directives) are noise: every word
     * the new text has and they lack would weigh twice a shared one. Counting at least this many documents keeps
     * scores, and so the threshold, the same from the first directive to the hundred-thousandth.
     */
    static final int MIN_DOCUMENTS = 1000;

    private static double idf(IndexReader reader, String word) throws IOException {
        int n = Math.max(reader.numDocs(), MIN_DOCUMENTS);
        int df = reader.docFreq(new Term(DirectiveIndex.TEXT, word));
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        double norm = norm(a) * norm(b);
        return norm == 0 ? 0 : Math.min(1, dot / norm);
    }

    private static double norm(Map<String, Double> v) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
