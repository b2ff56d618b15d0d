package org.duban.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The twenty units d01 … d20 of {@code organisation-twenty.yaml}: for tests of many parts of one directive at once. */
public final class TwentyUnits {

    /** The property that loads the organisation, for {@code @SpringBootTest(properties = …)}. */
    public static final String ORGANISATION = "duban.identity.location=classpath:organisation-twenty.yaml";
    public static final int COUNT = 20;

    private TwentyUnits() {
    }

    public static List<String> codes() {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            codes.add(String.format("d%02d", i));
        }
        return codes;
    }

    /** A leader's directive to all twenty, d01 leading, due in 30 days; answers its process instance id. */
    public static String issueToAll(ProcessDriver driver) {
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        return driver.issue("leader", "d01", String.join(",", codes().subList(1, COUNT)), deadline, "none").getId();
    }
}
