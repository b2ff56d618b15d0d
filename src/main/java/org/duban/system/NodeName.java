package org.duban.system;

import java.lang.management.ManagementFactory;

/**
 * The name of this node among several on one database: in Camunda's job log and metrics (the engine's
 * host name), its job locks and the outbox leases. {@code DUBAN_NODE_ID} when set, otherwise the
 * JVM's {@code pid@host}, which differs between two processes on one machine too (Camunda's own
 * default, the first IP address plus the engine name, reads {@code 127.0.0.1$default} on every node).
 */
public record NodeName(String value) {

    public NodeName {
        if (value == null || value.isBlank()) {
            value = ManagementFactory.getRuntimeMXBean().getName();
        }
        value = value.strip();
    }

    @Override
    public String toString() {
        return value;
    }
}
