package org.duban.security.internal;

import org.duban.organisation.Groups;
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
 * One login for everything. Machines call {@code /api}, {@code /engine-rest} and {@code /actuator} with HTTP Basic (or
 * the browser session); people log in on {@code /login}, and that session also opens Tasklist,
 * Cockpit and Admin. Nothing but the login page, static assets and health is public. Every password check, from
 * the form or HTTP Basic, goes through the login throttle ({@link CamundaIdentityAuthenticationProvider}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    /** Basic-authenticated calls carry no ambient credentials, so CSRF cannot ride on them. */
    private static final RequestMatcher WITH_AUTHORIZATION_HEADER = request -> request.getHeader("Authorization") != null;

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
                .httpBasic(basic -> basic.realmName("Duban").authenticationEntryPoint(problems)
                        .authenticationDetailsSource(loginRequests))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.ignoringRequestMatchers(WITH_AUTHORIZATION_HEADER))
                .headers(headers -> headers.addHeaderWriter(deviceCookies));
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
                        .requestMatchers("/login", ProblemResponses.THROTTLED_LOGIN_PAGE, "/css/**", "/js/**",
                                "/images/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/audit", "/audit/**")
                        .hasAnyAuthority(Groups.authority(Groups.AUDITORS), Groups.authority(Groups.ADMINS))
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .authenticationDetailsSource(loginRequests).failureHandler(problems))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                PATHS.matcher(HttpMethod.POST, "/logout"),
                                // the webapps' own logout button must end the one shared login too
                                PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout")))
                        .logoutSuccessUrl("/login?logout"))
                // the Camunda webapps protect their API with their own CSRF filter and header
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()).addHeaderWriter(deviceCookies));
        return http.build();
    }
}
