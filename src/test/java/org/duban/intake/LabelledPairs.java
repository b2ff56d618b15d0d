package org.duban.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The labelled pairs of src/test/resources/intake/similar-pairs.tsv: label, left and right as title｜instruction. */
record LabelledPairs(List<Pair> pairs) {

    record Text(String title, String instruction) {

        static Text parse(String cell) {
            int bar = cell.indexOf('｜');
            return new Text(cell.substring(0, bar).strip(), cell.substring(bar + 1).strip());
        }

        String whole() {
            return title + "｜" + instruction;
        }
    }

    record Pair(boolean same, Text left, Text right) {}

    static LabelledPairs read(String resource) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = LabelledPairs.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                pairs.add(new Pair("1".equals(cells[0].strip()), Text.parse(cells[1]), Text.parse(cells[2])));
            }
        }
        return new LabelledPairs(pairs);
    }
}
