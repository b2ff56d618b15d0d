package org.duban.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Single sign-on's parts, present only when an issuer is configured ({@link SsoConfigured}). */
@Configuration(proxyBeanMethods = false)
@Conditional(SsoConfigured.class)
class SsoConfiguration {

    @Bean
    IssuerClientRegistration ssoClientRegistration(SsoProperties sso) {
        return new IssuerClientRegistration(sso);
    }

    @Bean
    SsoLogin ssoLogin(IssuerClientRegistration registration, PersonAuthorities people, SsoProperties sso) {
        return new SsoLogin(registration, new IssuerJwtDecoder(sso), new OrganisationOidcUserService(people, sso),
                new BearerTokenPerson(people, sso), sso);
    }
}
