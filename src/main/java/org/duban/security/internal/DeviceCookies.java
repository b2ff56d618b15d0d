package org.duban.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * Device cookies as OWASP describes them ("Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * logged in successfully as a person gets a cookie, signed by the server, naming that login; later attempts for the
 * same login from that browser are not held back by the account's throttle, so someone guessing a person's password
 * cannot keep that person out. The signing key lives in the database ({@code device_cookie_key}), so that every
 * node accepts the cookies of every other. One cookie per login, named after a keyed hash of it, so that a shared
 * office computer vouches for each of its people.
 */
@Component
class DeviceCookies {

    static final String PREFIX = "DUBAN_DEVICE_";
    /** The request attribute naming the login whose cookie the answer carries. */
    static final String ISSUE_FOR = DeviceCookies.class.getName() + ".issueFor";
    private static final String VERSION = "v1";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LoginThrottleProperties properties;
    private final boolean secure;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    DeviceCookies(JdbcTemplate jdbc, Clock clock, LoginThrottleProperties properties, ServerProperties server) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        Boolean secureSession = server.getServlet().getSession().getCookie().getSecure();
        this.secure = Boolean.TRUE.equals(secureSession);
    }

    /** The device cookies a request carries, by name, for {@link #nonceFor}. */
    static Map<String, String> of(HttpServletRequest request) {
        Map<String, String> found = new HashMap<>();
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().startsWith(PREFIX) && found.size() < 20) {
                    found.putIfAbsent(cookie.getName(), cookie.getValue());
                }
            }
        }
        return found;
    }

    /** The nonce of a valid device cookie, among those the request carried, for this login; or null. */
    String nonceFor(String login, Map<String, String> cookies) {
        String value = cookies.get(nameFor(login));
        return value == null ? null : verify(login, value);
    }

    /** Gives the browser a fresh cookie for the login it just proved. */
    void issue(String login, HttpServletResponse response) {
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = BASE64.encodeToString(nonceBytes);
        long issued = clock.millis();
        String payload = String.join(".", VERSION, BASE64.encodeToString(login.getBytes(StandardCharsets.UTF_8)), nonce,
                Long.toString(issued));
        String value = payload + "." + BASE64.encodeToString(sign(payload));
        ResponseCookie cookie = ResponseCookie.from(nameFor(login), value).httpOnly(true).secure(secure).sameSite("Strict")
                .path("/").maxAge(properties.getDeviceCookieLifetime()).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    /**
     * Adds the cookie a successful login asked for ({@link LoginRequest#issueDeviceCookie}) to the answer; Spring
     * Security writes headers when the answer is committed, after the login, whether it redirects (the form) or
     * answers at once (HTTP Basic).
     */
    @Component
    static class Writer implements HeaderWriter {

        private final DeviceCookies cookies;

        Writer(DeviceCookies cookies) {
            this.cookies = cookies;
        }

        @Override
        public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
            if (request.getAttribute(ISSUE_FOR) instanceof String login) {
                request.removeAttribute(ISSUE_FOR);
                cookies.issue(login, response);
            }
        }
    }

    private String verify(String login, String value) {
        String[] parts = value.split("\\.");
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            return null;
        }
        String payload = String.join(".", List.of(parts).subList(0, 4));
        try {
            byte[] signature = DECODE.decode(parts[4]);
            String named = new String(DECODE.decode(parts[1]), StandardCharsets.UTF_8);
            long issued = Long.parseLong(parts[3]);
            boolean fresh = clock.millis() - issued < properties.getDeviceCookieLifetime().toMillis();
            return MessageDigest.isEqual(signature, sign(payload)) && named.equals(login) && fresh ? parts[2] : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String nameFor(String login) {
        return PREFIX + HexFormat.of().formatHex(sign("name|" + login), 0, 8);
    }

    private byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared key: read from the database, created there by the first node that needs it. */
    private byte[] key() {
        byte[] current = key;
        if (current != null) {
            return current;
        }
        List<String> stored = jdbc.queryForList("SELECT secret FROM device_cookie_key WHERE id = ?", String.class, VERSION);
        if (stored.isEmpty()) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            try {
                jdbc.update("INSERT INTO device_cookie_key (id, secret, created_at) VALUES (?, ?, ?)", VERSION,
                        Base64.getEncoder().encodeToString(fresh), OffsetDateTime.now(clock));
            } catch (DuplicateKeyException e) {
                // another node created it at the same moment: use that one
            }
            stored = jdbc.queryForList("SELECT secret FROM device_cookie_key WHERE id = ?", String.class, VERSION);
        }
        current = Base64.getDecoder().decode(stored.get(0));
        key = current;
        return current;
    }
}
