package org.duban.directive.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * How a timeline record is hashed: SHA-256 over its content in a fixed form, and the chain hash
 * over the previous record's chain hash and this content hash. Writing and verifying use this one
 * definition, so they cannot drift apart.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String content(String number, String department, String type, String actor, OffsetDateTime at,
            String details) {
        return sha256(String.join("\u001f", number, String.valueOf(department), type, String.valueOf(actor),
                String.valueOf(at.toInstant().toEpochMilli()), String.valueOf(details)));
    }

    public static String chain(String previousHash, String contentHash) {
        return sha256(previousHash + contentHash);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
