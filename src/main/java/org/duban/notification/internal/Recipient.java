package org.duban.notification.internal;

/** An address a notification goes to; {@code personId} is null for a department mailbox. */
record Recipient(String address, String personId) {

    static Recipient mailbox(String address) {
        return new Recipient(address, null);
    }

    boolean isPerson() {
        return personId != null;
    }
}
