package org.duban.intake.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Chinese segmentation for directive texts: Lucene's smartcn HMM tokenizer, then its stop words plus the words of
 * every directive (加强, 推进, 落实 ...), which say how to work and never what the matter is, so that two directives
 * match on their matter and not on the office's style.
 */
public final class ChineseText {

    /** Words of style that every directive uses; removing them keeps scores about the matter. */
    static final Set<String> STYLE_WORDS = Set.of("加强", "推进", "落实", "确保", "进一步", "切实", "全面", "抓好", "做好",
            "开展", "有关", "相关", "要求", "按照", "及时", "工作", "组织", "认真", "积极", "督促", "各", "要", "对", "并",
            "和", "与", "及", "在", "于", "把", "将", "由", "请", "为", "以", "等", "中", "好", "抓", "紧", "立即", "尽快",
            "务必", "牵头", "负责", "配合", "会同", "单位", "部门", "情况", "问题", "有效", "扎实", "持续", "不断", "重点",
            "专项", "行动", "方案", "机制", "落地", "一", "个", "月", "日", "年", "前", "底", "内", "报", "市", "区",
            "了", "的", "是", "不", "有", "上", "下", "向", "从", "到", "就", "也", "还", "都", "让", "使", "得", "地");

    private static final CharArraySet STOP;

    static {
        CharArraySet stop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        stop.addAll(STYLE_WORDS);
        STOP = CharArraySet.unmodifiableSet(stop);
    }

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new HMMChineseTokenizer();
            TokenStream stream = new PorterStemFilter(tokenizer);
            stream = new StopFilter(stream, STOP);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    private ChineseText() {}

    /** The one analyzer of the intake module, for indexing and querying alike; thread-safe. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** The words of a text, in order, repeated as often as they occur. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
