package org.duban.security.internal;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token from the identity provider acts as the organisation's person its user claim names, with that
 * person's groups, exactly as if the person had logged in; the token's own scopes and roles grant nothing.
 */
class BearerTokenPerson implements Converter<Jwt, AbstractAuthenticationToken> {

    private final PersonAuthorities people;
    private final String userClaim;

    BearerTokenPerson(PersonAuthorities people, SsoProperties sso) {
        this.people = people;
        this.userClaim = sso.userClaim();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String login = jwt.hasClaim(userClaim) ? jwt.getClaimAsString(userClaim) : "";
        return people.of(login).map(authorities -> new JwtAuthenticationToken(jwt, authorities, login))
                .orElseThrow(() -> new UnknownPersonException(login));
    }
}
