package org.duban.security.internal;

import org.duban.organisation.Groups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything. People log in on {@code /login}, with the city's single sign-on ({@link SsoLogin}, when
 * configured) or a Duban password (unless switched off), and that session also opens Tasklist, Cockpit and Admin.
 * Machines call {@code /api}, {@code /engine-rest} and {@code /actuator} with a bearer token from the same provider or,
 * where enabled, HTTP Basic (or the browser session). Nothing but the login page, static assets and health is public.
 * Every password check, from the form or HTTP Basic, goes through the login throttle
 * ({@link CamundaIdentityAuthenticationProvider}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    /** Basic-authenticated calls carry no ambient credentials, so CSRF cannot ride on them. */
    private static final RequestMatcher WITH_AUTHORIZATION_HEADER = request -> request.getHeader("Authorization") != null;
    private static final String LOGGED_OUT = "/login?logout";

    private final LoginProperties logins;
    private final SsoLogin sso;

    SecurityConfiguration(LoginProperties logins, ObjectProvider<SsoLogin> sso) {
        this.logins = logins;
        this.sso = sso.getIfAvailable();
        if (!logins.password() && this.sso == null) {
            throw new IllegalStateException("duban.login.password=false (DUBAN_PASSWORD_LOGIN) leaves nobody a way to "
                    + "log in: configure single sign-on (DUBAN_OIDC_ISSUER) or keep password login");
        }
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, LoginRequest.Source loginRequests,
            DeviceCookies.Writer deviceCookies) throws Exception {
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/engine-rest/**"),
                        PATHS.matcher("/actuator/**")))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**")).permitAll()
                        .requestMatchers(PATHS.matcher("/actuator/**")).hasAuthority(Groups.authority(Groups.ADMINS))
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.ignoringRequestMatchers(WITH_AUTHORIZATION_HEADER))
                .headers(headers -> headers.addHeaderWriter(deviceCookies));
        if (logins.httpBasic()) {
            http.httpBasic(basic -> basic.realmName("Duban").authenticationEntryPoint(problems)
                    .authenticationDetailsSource(loginRequests));
        }
        if (sso != null) {
            sso.onApi(http, problems);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, ProblemResponses problems, LoginRequest.Source loginRequests,
            DeviceCookies.Writer deviceCookies) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        // initial-admin setup would let any logged-in person create an administrator;
                        // administrators come from the organisation file or the operator's configuration
                        .requestMatchers(PATHS.matcher("/camunda/app/admin/{engine}/setup/**"),
                                PATHS.matcher("/camunda/api/admin/setup/**")).denyAll()
                        .requestMatchers("/login", ProblemResponses.THROTTLED_LOGIN_PAGE, SsoFailurePage.UNKNOWN_PERSON_PAGE,
                                "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/audit", "/audit/**")
                        .hasAnyAuthority(Groups.authority(Groups.AUDITORS), Groups.authority(Groups.ADMINS))
                        .anyRequest().authenticated())
                .logout(logout -> {
                    logout.logoutRequestMatcher(new OrRequestMatcher(
                            PATHS.matcher(HttpMethod.POST, "/logout"),
                            // the webapps' own logout button must end the one shared login too
                            PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout")));
                    if (sso == null) {
                        logout.logoutSuccessUrl(LOGGED_OUT);
                    } else {
                        logout.logoutSuccessHandler(sso.logoutSuccess(LOGGED_OUT));
                    }
                })
                // the Camunda webapps protect their API with their own CSRF filter and header
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()).addHeaderWriter(deviceCookies));
        if (logins.password()) {
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                    .authenticationDetailsSource(loginRequests).failureHandler(problems));
        }
        if (sso != null) {
            sso.onPages(http);
        }
        return http.build();
    }
}
