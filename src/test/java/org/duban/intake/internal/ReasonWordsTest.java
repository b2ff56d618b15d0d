package org.duban.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The duty words a suggestion's reason shows: whole words, single characters only when nothing longer matched. */
class ReasonWordsTest {

    @Test
    void singleCharactersAreLeftOutBesideWholeWords() {
        assertThat(SuggestUnits.wordsToShow(List.of("整治", "占", "道", "背街", "乱", "小巷")))
                .containsExactly("整治", "背街", "小巷");
    }

    @Test
    void singleCharactersAreShownWhenNothingLongerMatched() {
        assertThat(SuggestUnits.wordsToShow(List.of("水", "电"))).containsExactly("水", "电");
    }

    @Test
    void atMostSixWordsAreShown() {
        assertThat(SuggestUnits.wordsToShow(List.of("一一", "二二", "三三", "四四", "五五", "六六", "七七")))
                .hasSize(6).doesNotContain("七七");
    }
}
