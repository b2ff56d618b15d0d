package org.duban.security.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Single sign-on is on when an issuer is configured ({@code DUBAN_OIDC_ISSUER}); an empty value leaves it off. */
class SsoConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String issuer = context.getEnvironment().getProperty("duban.sso.issuer");
        return issuer != null && !issuer.isBlank();
    }
}
