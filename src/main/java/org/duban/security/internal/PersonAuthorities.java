package org.duban.security.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.duban.organisation.Groups;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who a login is in Duban, whichever way it was proven (password, single sign-on, bearer token): a person of the
 * organisation, known to the engine's identity service, with an authority {@code GROUP_<id>} for each of their groups.
 */
@Component
class PersonAuthorities {

    /** A login that can exist (Camunda's id whitelist, {@code EngineIdentityPlugin}); anything else is nobody. */
    private static final Pattern LOGIN = Pattern.compile(EngineIdentityPlugin.ID_PATTERN);
    static final int MAX_LOGIN_LENGTH = 64;

    private final IdentityService identity;

    PersonAuthorities(IdentityService identity) {
        this.identity = identity;
    }

    /** The login itself when it is a well-formed id, else empty (never looked up). */
    static Optional<String> wellFormed(String login) {
        return login != null && login.length() <= MAX_LOGIN_LENGTH && LOGIN.matcher(login).matches()
                ? Optional.of(login) : Optional.empty();
    }

    /** The person's authorities, or empty when the organisation has no such person. */
    Optional<List<GrantedAuthority>> of(String login) {
        return wellFormed(login)
                .filter(id -> identity.createUserQuery().userId(id).count() == 1)
                .map(this::groupsOf);
    }

    List<GrantedAuthority> groupsOf(String login) {
        return identity.createGroupQuery().groupMember(login).list().stream()
                .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(Groups.authority(group.getId())))
                .toList();
    }
}
