package org.duban.intake.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.duban.organisation.Department;
import org.duban.organisation.Level;

/**
 * The units' duties (职责, as organisation.yaml lists them), searchable by BM25: which units' duties speak of the
 * words of a directive. Built once: the organisation is read at start-up and does not change while running.
 */
public class DutyIndex {

    private static final String CODE = "code";
    private static final String DUTIES = "duties";

    /** A unit whose duties match, with its BM25 score and the words of the text found in its duties. */
    public record DutyMatch(String code, double score, List<String> words) {}

    private final IndexSearcher searcher;
    private final Map<String, Set<String>> wordsOf = new LinkedHashMap<>();

    public DutyIndex(List<Department> departments) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // a unit's duties are long or short by how thoroughly they were written down, not by how specific the unit is:
        // length counts little (b = 0.3 instead of 0.75)
        BM25Similarity bm25 = new BM25Similarity(1.2f, 0.3f);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ChineseText.analyzer())
                .setSimilarity(bm25))) {
            for (Department department : departments) {
                // a district, street, community or grid answers for everything within its bounds, so its duties speak
                // the words of every government (社会治理, 民生保障): they would rank it for any text. Such a unit is
                // suggested when the text names it or when it led similar past directives, never by its duties
                if (department.duties().isEmpty() || department.level().isTerritorial()) {
                    continue;
                }
                // the name says the unit's field too (教育, 水利, 民政); a 三定 never repeats it in every line
                String text = department.name() + "\n" + String.join("\n", department.duties());
                Document doc = new Document();
                doc.add(new StringField(CODE, department.code(), Field.Store.YES));
                doc.add(new TextField(DUTIES, text, Field.Store.NO));
                writer.addDocument(doc);
                wordsOf.put(department.code(), new LinkedHashSet<>(ChineseText.words(text)));
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(bm25);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The units whose duties best match the text, best first. */
    public List<DutyMatch> match(String text, int limit) {
        Set<String> words = new LinkedHashSet<>(ChineseText.words(text));
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        words.stream().limit(IndexSearcher.getMaxClauseCount() / 2)
                .forEach(word -> query.add(new TermQuery(new Term(DUTIES, word)), BooleanClause.Occur.SHOULD));
        try {
            List<DutyMatch> matches = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
                String code = searcher.storedFields().document(hit.doc).get(CODE);
                List<String> found = words.stream().filter(wordsOf.get(code)::contains).toList();
                matches.add(new DutyMatch(code, hit.score, found));
            }
            return matches;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
