package org.duban.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP client for tests: no redirects followed, cookies kept, optionally HTTP Basic. One
 * instance is one person's browser or script.
 */
public final class Http {

    public record Response(int status, String body, HttpResponse<?> raw, byte[] bytes) {

        Response(int status, String body, HttpResponse<?> raw) {
            this(status, body, raw, null);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public boolean redirectsToLogin() {
            String location = header("Location");
            return (status == 302 || status == 303) && location != null && location.endsWith("/login");
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final CookieManager cookies;
    private final String authorization;

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
        this.cookies = new CookieManager();
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
    }

    private Http(Http browser, int port) {
        this.base = "http://localhost:" + port;
        this.authorization = browser.authorization;
        this.cookies = browser.cookies;
        this.client = browser.client;
    }

    /**
     * The same browser (its cookies) talking to another node, as behind a load balancer that does not
     * stick a person to one node.
     */
    public Http at(int port) {
        return new Http(this, port);
    }

    /** The value of a cookie the browser holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, null);
    }

    public static Http basic(int port, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http("http://localhost:" + port, "Basic " + token);
    }

    /** A machine client with a bearer token (single sign-on's provider issued it). */
    public static Http bearer(int port, String token) {
        return new Http("http://localhost:" + port, "Bearer " + token);
    }

    /** Logs in through the login form, as a browser would; the session cookie is kept. */
    public static Http loggedIn(int port, String user, String password) {
        Http http = anonymous(port);
        Response login = http.logIn(user, password);
        if (login.status() != 302 || login.header("Location").contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: " + login.status() + " " + login.header("Location"));
        }
        return http;
    }

    /** Sends the login form from this browser (its cookies go with it) and answers what the server said. */
    public Response logIn(String user, String password) {
        Matcher csrf = CSRF.matcher(get("/login").body());
        if (!csrf.find()) {
            throw new IllegalStateException("login page has no CSRF token");
        }
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password)
                        + "&_csrf=" + encode(csrf.group(1)))));
    }

    /** The browser forgets the named cookies (the session, say), keeping the others. */
    public void forgetCookies(String... names) {
        java.util.Set<String> forgotten = java.util.Set.of(names);
        java.net.CookieStore store = cookies.getCookieStore();
        for (URI uri : java.util.List.copyOf(store.getURIs())) {
            for (java.net.HttpCookie cookie : java.util.List.copyOf(store.get(uri))) {
                if (forgotten.contains(cookie.getName())) {
                    store.remove(uri, cookie);
                }
            }
        }
    }

    /** The names of the cookies the browser holds. */
    public java.util.List<String> cookieNames() {
        return cookies.getCookieStore().getCookies().stream().map(java.net.HttpCookie::getName).toList();
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** For binary downloads (spreadsheets): the body as bytes. */
    public Response getBytes(String path) {
        try {
            HttpResponse<byte[]> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), null, response, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postAs(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postWithHeader(String path, String json, String header, String value) {
        return send(request(path).header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postForm(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** One part of a multipart/form-data body: a field (no file name) or a file. */
    public record Part(String name, String fileName, String contentType, byte[] content) {

        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }
    }

    /** A multipart/form-data POST, as a browser's form with files sends it. */
    public Response postMultipart(String path, java.util.List<Part> parts) {
        String boundary = "----duban" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method, an optional JSON body (null: none) and extra headers given as name, value, name, value… */
    public Response send(String method, String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, */*");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
