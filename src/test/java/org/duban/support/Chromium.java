package org.duban.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium and chromium-driver, which the browser tests drive (never a downloaded browser). {@code .ci/run}
 * installs both and sets {@code DUBAN_REQUIRE_BROWSER}, so there a missing one fails the test; on a machine with only
 * Java the browser tests are skipped, saying why, and everything else runs.
 */
public final class Chromium {

    public static final String BINARY = System.getProperty("duban.chromium", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("duban.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Skips the calling test (or fails it where CI requires a browser) when Chromium or its driver is missing. */
    public static void require() {
        if (Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER))) {
            return;
        }
        String missing = BINARY + " or " + DRIVER + " is missing (Debian: apt-get install chromium chromium-driver)";
        if (System.getenv("DUBAN_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("DUBAN_REQUIRE_BROWSER is set but " + missing);
        }
        Assumptions.assumeTrue(false, missing + ": browser tests skipped");
    }
}
