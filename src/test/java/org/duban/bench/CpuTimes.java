package org.duban.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * CPU the benchmark JVM and the PostgreSQL server on this machine have used, from Linux's /proc: what a benchmark
 * step costs, beside its wall time (on two cores a step can be slow because it waits, or because it computes).
 */
final class CpuTimes {

    private CpuTimes() {
    }

    /**
     * CPU milliseconds the JIT compiler threads have used in this JVM (both engines run in it), from their Linux
     * thread times. The JVM's own compile time counts wall time, and on two busy cores a compiler thread waits for
     * one: it reported 96 % "compiling" where the threads used far less. Elsewhere that count is all there is.
     */
    static long compilerMillis() {
        Path threads = Path.of("/proc/self/task");
        if (!Files.isDirectory(threads)) {
            return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        }
        return millis(threads, name -> name.matches("C[12] Compiler(?s).*"));
    }

    static long jvmMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** The server's processes when it runs on this machine (as here and in CI); 0 where there is no /proc. */
    static long postgresMillis() {
        Path processes = Path.of("/proc");
        return Files.isDirectory(processes) ? millis(processes, name -> name.strip().equals("postgres")) : 0;
    }

    /** User and system CPU of the processes or threads under {@code dir} whose name {@code named} accepts. */
    private static long millis(Path dir, Predicate<String> named) {
        long ticks = 0;
        try (var each = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) each::iterator) {
                if (!entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (!named.test(Files.readString(entry.resolve("comm")))) {
                        continue;
                    }
                    String stat = Files.readString(entry.resolve("stat"));
                    // after the name in parentheses: state is field 3, user time 14 and system time 15, in 1/100 s
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException ended) {
                    // a thread or process that ended between listing and reading
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks * 10;
    }
}
