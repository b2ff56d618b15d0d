package org.duban.security.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on with the city's identity service (统一身份认证) over OpenID Connect; on when {@code issuer} is set.
 *
 * @param issuer       the provider's issuer URL; its {@code /.well-known/openid-configuration} is read at the first
 *                     login or token, not at start-up, so Duban starts while the provider is away
 * @param clientId     Duban's client at the provider
 * @param clientSecret its secret (never logged)
 * @param userClaim    the claim whose value is the person's id in {@code processes/organisation.yaml}
 * @param scopes       scopes asked for at login
 * @param audience     what a bearer token's {@code aud} must contain to be accepted (the client id when empty)
 * @param providerName the provider's name on the login button
 */
@ConfigurationProperties("duban.sso")
record SsoProperties(String issuer, String clientId, String clientSecret, String userClaim, List<String> scopes,
        String audience, String providerName) {

    /** The registration id in Spring Security's paths: {@code /oauth2/authorization/duban}. */
    static final String REGISTRATION = "duban";

    boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }

    String requiredAudience() {
        return audience == null || audience.isBlank() ? clientId : audience;
    }

    @Override
    public String toString() {
        return "SsoProperties[issuer=" + issuer + ", clientId=" + clientId + ", userClaim=" + userClaim + "]";
    }
}
