package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RequestLimitsTest {

    @Test
    void thePathsFirstMatchingPatternSetsItsLimitElseTheDefault() {
        RequestLimits limits = new RequestLimits();
        Map<String, DataSize> paths = new LinkedHashMap<>();
        paths.put("/api/directives/{number}/evidence/**", DataSize.ofMegabytes(20));
        paths.put("/api/**", DataSize.ofKilobytes(64));
        limits.setPaths(paths);
        assertThat(limits.limitFor("/api/directives/DB-2026-0001/evidence/3")).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(limits.limitFor("/api/directives")).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(limits.limitFor("/engine-rest/task/1/complete")).isEqualTo(DataSize.ofMegabytes(1));
    }

    @Test
    void storableTextHasNoNulAndNoLoneSurrogate() {
        assertThat(StorableText.isStorable("督办 😀 ok")).isTrue();
        assertThat(StorableText.isStorable("a\u0000")).isFalse();
        assertThat(StorableText.isStorable("\ud83d")).isFalse();
        assertThat(StorableText.isStorable("x\ude00y")).isFalse();
        assertThat(StorableText.isStorable("\ude00\ud83d")).isFalse();
    }

    @Test
    void theJsonWalkNamesThePathOfEachUnstorableString() {
        String body = "{\"a\":{\"b\":[\"ok\",\"x\\u0000\"]},\"c\\u0000\":1,\"d\":\"\\udc00\"}";
        assertThat(StorableTextFilter.inJson(body.getBytes())).extracting(FieldProblem::field)
                .containsExactly("a.b[1]", "?", "d");
    }
}
