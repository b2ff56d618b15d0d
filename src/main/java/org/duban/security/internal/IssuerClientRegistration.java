package org.duban.security.internal;

import lombok.extern.slf4j.Slf4j;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.util.function.SingletonSupplier;

/**
 * Duban's one client registration, read from the provider's discovery document at the first login rather than at
 * start-up: a node must start (and serve password logins and sessions) while the identity service is away. A failed
 * read is not kept; the next login tries again.
 */
@Slf4j
class IssuerClientRegistration implements ClientRegistrationRepository {

    private final SingletonSupplier<ClientRegistration> registration;

    IssuerClientRegistration(SsoProperties sso) {
        this.registration = SingletonSupplier.of(() -> {
            ClientRegistration read = ClientRegistrations.fromIssuerLocation(sso.issuer())
                    .registrationId(SsoProperties.REGISTRATION)
                    .clientId(sso.clientId())
                    .clientSecret(sso.clientSecret())
                    .scope(sso.scopes())
                    .userNameAttributeName(sso.userClaim())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .clientName(sso.providerName())
                    .build();
            log.info("Single sign-on: read the configuration of {}", sso.issuer());
            return read;
        });
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return SsoProperties.REGISTRATION.equals(registrationId) ? registration.obtain() : null;
    }

    /** Whether the provider's configuration can be read now (it is then kept). */
    boolean reachable() {
        try {
            registration.obtain();
            return true;
        } catch (RuntimeException e) {
            log.warn("Single sign-on: the identity provider cannot be reached: {}", e.toString());
            return false;
        }
    }
}
