package org.duban.security.internal;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Both Camunda entry points take the user from Spring Security, after its filter chain has run:
 * the webapps through container-based authentication, {@code /engine-rest} through the engine
 * authentication filter. Without the latter the REST API would run every call unauthenticated,
 * i.e. without any authorization check. Between Spring Security and these, the engine API guard
 * decides whether the call may reach the engine at all.
 */
@Configuration(proxyBeanMethods = false)
class CamundaAuthenticationFilters {

    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;
    private static final int AFTER_THE_GUARD = AFTER_SPRING_SECURITY + 1;
    private static final Map<String, String> PROVIDER = Map.of(
            "authentication-provider", SpringSecurityAuthenticatedUser.class.getName());

    @Bean
    FilterRegistrationBean<EngineApiGuard> engineApiGuard(EngineWriteChecks checks, RefusalWriter refusals) {
        var registration = new FilterRegistrationBean<>(new EngineApiGuard(checks, refusals));
        registration.setName("duban-engine-api-guard");
        registration.addUrlPatterns(EngineCall.ENGINE_REST + "/*", EngineCall.WEBAPP_API + "/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("duban-webapps-authentication");
        registration.setInitParameters(PROVIDER);
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(AFTER_THE_GUARD);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("duban-rest-authentication");
        registration.setInitParameters(Map.of(
                "authentication-provider", SpringSecurityAuthenticatedUser.class.getName(),
                "rest-url-pattern-prefix", "/engine-rest"));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_THE_GUARD);
        return registration;
    }
}
