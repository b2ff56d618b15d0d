package org.duban.security.internal;

import java.util.List;

import lombok.extern.slf4j.Slf4j;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks logins against Camunda's identity service, so that one set of users and passwords serves
 * our pages, the REST API and the Camunda webapps. Each identity group becomes an authority
 * {@code GROUP_<id>}. Every attempt, from the login form or HTTP Basic, passes the {@link LoginThrottle} first;
 * a successful one leaves a device cookie in the browser ({@link DeviceCookies}).
 */
@Slf4j
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final PersonAuthorities people;
    private final LoginThrottle throttle;
    private final DeviceCookies deviceCookies;

    CamundaIdentityAuthenticationProvider(IdentityService identity, PersonAuthorities people, LoginThrottle throttle,
            DeviceCookies deviceCookies) {
        this.identity = identity;
        this.people = people;
        this.throttle = throttle;
        this.deviceCookies = deviceCookies;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        LoginRequest from = authentication.getDetails() instanceof LoginRequest request ? request : LoginRequest.UNKNOWN;
        // a login that cannot exist fails unlooked
        String login = PersonAuthorities.wellFormed(userId).orElse(null);
        String device = login == null ? null : deviceCookies.nonceFor(login, from.deviceCookies());
        LoginThrottle.Admission admission = throttle.admit(login, from.source(), device);
        if (login == null || credentials == null || !passwordMatches(login, credentials.toString())) {
            throttle.failed(admission);
            throw new BadCredentialsException("用户名或密码错误");
        }
        throttle.succeeded(admission);
        if (device == null) {
            from.issueDeviceCookie(login);
        }
        List<GrantedAuthority> authorities = people.groupsOf(login);
        UsernamePasswordAuthenticationToken authenticated =
                UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
        authenticated.setDetails(new WebAuthenticationDetails(from.source(), null));
        return authenticated;
    }

    /**
     * Camunda's own check, without its lock (switched off in {@code EngineIdentityPlugin}): an account without a
     * password (the postgres profile creates the organisation's people so) fails here, as Camunda's check would
     * throw a NullPointerException; a wrong password's write can meet a concurrent one, so the check is repeated.
     */
    private boolean passwordMatches(String login, String password) {
        User user = identity.createUserQuery().userId(login).singleResult();
        if (user == null || user.getPassword() == null) {
            return false;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return identity.checkPassword(login, password);
            } catch (OptimisticLockingException e) {
                if (attempt == 3) {
                    log.info("Password check of {} kept meeting concurrent checks; refused", login);
                    return false;
                }
            }
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
