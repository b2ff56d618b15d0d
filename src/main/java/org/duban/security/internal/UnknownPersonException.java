package org.duban.security.internal;

import org.springframework.security.core.AuthenticationException;

/**
 * The identity provider vouched for someone the organisation file does not list (or the token named nobody): the
 * proof is good, but Duban has no such person, so there is no login at all, not a session without roles.
 */
class UnknownPersonException extends AuthenticationException {

    private final String person;

    UnknownPersonException(String person) {
        super("no person " + person + " in the organisation");
        this.person = person;
    }

    /** The value of the user claim as the provider sent it (may be empty when the claim was missing). */
    String person() {
        return person;
    }
}
