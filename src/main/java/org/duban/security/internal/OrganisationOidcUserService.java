package org.duban.security.internal;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A single sign-on login becomes the organisation's person named by the configured claim, with that person's groups
 * from {@code processes/organisation.yaml} (through the engine's identity service) and nothing the provider says
 * about roles. Someone the organisation does not list gets no session ({@link SsoFailurePage} says why).
 */
class OrganisationOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String UNKNOWN_PERSON = "duban_unknown_person";

    private final OidcUserService provider = new OidcUserService();
    private final PersonAuthorities people;
    private final String userClaim;

    OrganisationOidcUserService(PersonAuthorities people, SsoProperties sso) {
        this.people = people;
        this.userClaim = sso.userClaim();
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser proven = provider.loadUser(request);
        Object claim = proven.getClaims().get(userClaim);
        String login = claim == null ? "" : claim.toString();
        List<GrantedAuthority> authorities = people.of(login).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error(UNKNOWN_PERSON, login, null), new UnknownPersonException(login)));
        return new DefaultOidcUser(authorities, proven.getIdToken(), proven.getUserInfo(), userClaim);
    }
}
