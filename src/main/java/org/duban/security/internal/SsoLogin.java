package org.duban.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * What single sign-on adds to the two filter chains of {@link SecurityConfiguration}: the OIDC login (and logout at
 * the provider) for pages and webapps, bearer tokens for {@code /api}, {@code /engine-rest} and {@code /actuator}.
 */
class SsoLogin {

    private final IssuerClientRegistration registration;
    private final IssuerJwtDecoder tokens;
    private final OrganisationOidcUserService users;
    private final BearerTokenPerson bearerPerson;
    private final SsoProperties properties;

    SsoLogin(IssuerClientRegistration registration, IssuerJwtDecoder tokens, OrganisationOidcUserService users,
            BearerTokenPerson bearerPerson, SsoProperties properties) {
        this.registration = registration;
        this.tokens = tokens;
        this.users = users;
        this.bearerPerson = bearerPerson;
        this.properties = properties;
    }

    SsoProperties properties() {
        return properties;
    }

    void onPages(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login.loginPage("/login")
                        .clientRegistrationRepository(registration)
                        // the tokens stay in the (shared, database-held) session: any node serves the person
                        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new SsoFailurePage()))
                .addFilterBefore(new SsoAvailability(registration), OAuth2AuthorizationRequestRedirectFilter.class);
    }

    void onApi(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(bearerPerson))
                .authenticationEntryPoint(problems)
                // every refusal through the problem responses: Spring's own handler rethrows the provider being
                // away (an AuthenticationServiceException) as a bare 500
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                        filter.setAuthenticationFailureHandler(problems::commence);
                        return filter;
                    }
                }));
    }

    /**
     * Logging out of Duban's pages also ends the provider's session (RP-initiated logout) for a person who came by
     * single sign-on; the webapps' logout, an XHR that cannot follow a redirect to another site, and password logins
     * go back to Duban's login page. When the provider cannot be reached, the Duban session is ended all the same.
     */
    LogoutSuccessHandler logoutSuccess(String loggedOut) {
        OidcClientInitiatedLogoutSuccessHandler atProvider = new OidcClientInitiatedLogoutSuccessHandler(registration);
        atProvider.setPostLogoutRedirectUri("{baseUrl}" + loggedOut);
        atProvider.setDefaultTargetUrl(loggedOut);
        SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
        local.setDefaultTargetUrl(loggedOut);
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            boolean ourPage = "/logout".equals(request.getRequestURI().substring(request.getContextPath().length()));
            if (ourPage && authentication != null && registration.reachable()) {
                atProvider.onLogoutSuccess(request, response, authentication);
            } else {
                local.onLogoutSuccess(request, response, authentication);
            }
        };
    }
}
