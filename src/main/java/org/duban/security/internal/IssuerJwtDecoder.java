package org.duban.security.internal;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks bearer tokens against the identity provider's keys: signature, expiry, issuer, and an audience naming Duban
 * (a token the provider issued for another application is refused). The provider's configuration is read at the first
 * token, not at start-up; while the provider cannot be reached a token fails as an authentication-service error
 * (answered 503), and the next one tries again.
 */
class IssuerJwtDecoder implements JwtDecoder {

    private final SingletonSupplier<JwtDecoder> decoder;

    IssuerJwtDecoder(SsoProperties sso) {
        String audience = sso.requiredAudience();
        this.decoder = SingletonSupplier.of(() -> {
            NimbusJwtDecoder read = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(sso.issuer());
            read.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(sso.issuer()),
                    new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                            aud -> aud != null && aud.contains(audience))));
            return read;
        });
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        JwtDecoder read;
        try {
            read = decoder.obtain();
        } catch (RuntimeException e) {
            throw new ProviderUnreachableException(e);
        }
        return read.decode(token);
    }

    /** The provider's configuration or keys could not be read: nothing is wrong with the token as far as we know. */
    static final class ProviderUnreachableException extends JwtException {

        ProviderUnreachableException(Throwable cause) {
            super("the identity provider cannot be reached", cause);
        }
    }
}
