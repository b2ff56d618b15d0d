package org.duban.intake.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.duban.directive.DirectiveStatus;

/**
 * The directives of this node, in memory (a {@link ByteBuffersDirectory}): rebuilt from the database at start-up
 * and kept current by upserts, so every node of a cluster answers from its own copy. Searches see an upsert as
 * soon as it returns: the searcher is reopened by the first search after a change, not by every change (most steps
 * of a directive change nothing indexed, and a search is rarer than a step), and a directive read again unchanged is
 * not written at all.
 */
public class DirectiveIndex implements AutoCloseable {

    static final String NUMBER = "number";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String TITLE_WORDS = "titleWords";
    static final String BODY_WORDS = "bodyWords";
    static final String LEAD = "lead";
    static final String STATUS = "status";
    static final String OPEN = "open";
    static final String ISSUED_ON = "issuedOn";
    static final String ISSUED_DAY = "issuedDay";
    static final String UNIT = "unit";
    static final String DISPATCHED = "dispatched";

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** What each indexed directive looked like when written, as a fingerprint of its fields. */
    private final Map<String, Long> written = new ConcurrentHashMap<>();
    /** The directives written as having reached their units. */
    private final Set<String> dispatched = ConcurrentHashMap.newKeySet();
    /** Writes made so far, and how many of them the last completed reopen had seen. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private volatile long reopenedUpTo;
    private final Object reopening = new Object();

    public DirectiveIndex() {
        try {
            // a search after a change reopens the reader, writing the change as a tiny segment: it need not wait for
            // tiny segments to be merged (Lucene's default waits up to 500 ms; they merge in the background), nor copy
            // each into a compound file, which saves file handles on a disk this index does not have
            TieredMergePolicy merges = new TieredMergePolicy();
            merges.setNoCFSRatio(0);
            writer = new IndexWriter(directory, new IndexWriterConfig(ChineseText.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64)
                    .setMaxFullFlushMergeWaitMillis(0).setUseCompoundFile(false).setMergePolicy(merges));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces each directive by number (those that changed), visible to the next search. */
    public synchronized void upsert(Collection<IndexedDirective> directives) {
        try {
            for (IndexedDirective directive : directives) {
                long fingerprint = fingerprint(directive);
                Long before = written.get(directive.number());
                if (before == null || before != fingerprint) {
                    writer.updateDocument(new Term(NUMBER, directive.number()), document(directive));
                    // noted once written: a write that failed is tried again by the next upsert
                    written.put(directive.number(), fingerprint);
                    if (directive.dispatched()) {
                        dispatched.add(directive.number());
                    } else {
                        dispatched.remove(directive.number());
                    }
                    changes.incrementAndGet();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the index (before a rebuild from the database). */
    public synchronized void clear() {
        try {
            writer.deleteAll();
            written.clear();
            dispatched.clear();
            changes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the directive is held as having reached its units. */
    public boolean holdsDispatched(String number) {
        return dispatched.contains(number);
    }

    public int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    /**
     * A searcher that sees every write made before the call. A search that finds writes not yet reopened reopens, or
     * waits for the reopen under way and checks again: with a flag cleared by the first of two concurrent searches,
     * the second took the old searcher while the first reopened (the issue page asks for similar directives and for
     * suggested units at the same moment, and one of them missed the directive issued just before).
     */
    IndexSearcher acquire() {
        try {
            long wanted = changes.get();
            if (reopenedUpTo < wanted) {
                synchronized (reopening) {
                    if (reopenedUpTo < wanted) {
                        // counted before reopening: a write made while it reopens is reopened by the next search
                        long upTo = changes.get();
                        searchers.maybeRefreshBlocking();
                        reopenedUpTo = upTo;
                    }
                }
            }
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(IndexedDirective d) {
        List<String> titleWords = ChineseText.words(d.title());
        List<String> bodyWords = ChineseText.words(d.instruction());
        Document doc = new Document();
        doc.add(new StringField(NUMBER, d.number(), Field.Store.YES));
        doc.add(new StoredField(TITLE, d.title()));
        // the title twice: it names the matter, the instruction says more around it
        doc.add(new TextField(TEXT, d.title() + "\n" + d.title() + "\n" + d.instruction(), Field.Store.NO));
        doc.add(new StoredField(TITLE_WORDS, String.join(" ", titleWords)));
        doc.add(new StoredField(BODY_WORDS, String.join(" ", bodyWords)));
        doc.add(new StringField(LEAD, d.leadDepartment(), Field.Store.YES));
        doc.add(new StringField(STATUS, d.status().name(), Field.Store.YES));
        doc.add(new StringField(OPEN, String.valueOf(d.status().isOpen()), Field.Store.NO));
        int day = (int) d.issuedOn().toEpochDay();
        doc.add(new IntPoint(ISSUED_DAY, day));
        doc.add(new StoredField(ISSUED_ON, day));
        for (String unit : d.units()) {
            doc.add(new StringField(UNIT, unit, Field.Store.NO));
        }
        doc.add(new StringField(DISPATCHED, String.valueOf(d.dispatched()), Field.Store.NO));
        return doc;
    }

    /** FNV-1a, 64 bits, over every indexed field. */
    private static long fingerprint(IndexedDirective d) {
        long hash = 0xcbf29ce484222325L;
        String text = String.join("\u0000", d.number(), d.title(), d.instruction(), d.leadDepartment(),
                d.status().name(), d.issuedOn().toString(), String.join(",", new TreeSet<>(d.units())),
                String.valueOf(d.dispatched()));
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    static LocalDate day(Document doc) {
        return LocalDate.ofEpochDay(doc.getField(ISSUED_ON).numericValue().intValue());
    }

    static List<String> words(Document doc, String field) {
        String joined = doc.get(field);
        List<String> words = new ArrayList<>();
        if (joined != null && !joined.isEmpty()) {
            words.addAll(List.of(joined.split(" ")));
        }
        return words;
    }

    static DirectiveStatus status(Document doc) {
        return DirectiveStatus.valueOf(doc.get(STATUS));
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
