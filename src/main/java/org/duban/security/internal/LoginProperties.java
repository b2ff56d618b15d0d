package org.duban.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which logins Duban accepts besides single sign-on.
 *
 * @param password  the login form with a Duban password (the embedded default; production may switch it off once
 *                  single sign-on is configured)
 * @param httpBasic HTTP Basic with a Duban password on {@code /api}, {@code /engine-rest} and {@code /actuator}
 *                  (machine clients otherwise bring a bearer token from the identity provider)
 */
@ConfigurationProperties("duban.login")
record LoginProperties(boolean password, boolean httpBasic) {
}
