package org.duban.security;

import org.duban.support.Http;

/**
 * A person logged in on the login page, calling the APIs the Camunda webapps call ({@code /camunda/api/...}) with
 * the session and the webapps' CSRF token, as Tasklist and Cockpit do.
 */
final class WebappApi {

    static final String ENGINE = "/camunda/api/engine/engine/default";

    private final Http browser;
    private final String csrf;

    private WebappApi(Http browser, String csrf) {
        this.browser = browser;
        this.csrf = csrf;
    }

    static WebappApi logIn(int port, String user) {
        Http browser = Http.loggedIn(port, user, "demo");
        // the webapps take the login over from the session when one of them is opened; the first answer of the
        // session carries the webapps' CSRF token
        Http.Response app = browser.get("/camunda/app/welcome/default/");
        Http.Response me = browser.get("/camunda/api/admin/auth/user/default");
        String csrf = app.header("X-XSRF-TOKEN") != null ? app.header("X-XSRF-TOKEN") : me.header("X-XSRF-TOKEN");
        if (me.status() != 200 || csrf == null) {
            throw new IllegalStateException("no webapp session for " + user + ": " + me.status());
        }
        return new WebappApi(browser, csrf);
    }

    Http.Response get(String path) {
        return browser.get(path);
    }

    Http.Response send(String method, String path, String json) {
        return browser.send(method, path, json, "X-XSRF-TOKEN", csrf);
    }

    Http.Response post(String path, String json) {
        return send("POST", path, json);
    }
}
