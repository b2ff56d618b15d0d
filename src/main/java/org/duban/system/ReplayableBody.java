package org.duban.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A JSON request body read once, early, by the filters that must look into it (storable text, the engine API guard),
 * and handed on unchanged to whatever reads it afterwards. Its size is bounded before ({@code RequestSizeLimit}).
 */
public final class ReplayableBody extends HttpServletRequestWrapper {

    private static final String BYTES = ReplayableBody.class.getName() + ".bytes";
    private static final String TREE = ReplayableBody.class.getName() + ".tree";
    /** Duplicate keys would let the checked value differ from the one the engine takes: such a body is not read. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final byte[] body;

    private ReplayableBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The request with its JSON body buffered, or the request itself when it has no JSON body. */
    static HttpServletRequest buffer(HttpServletRequest request) throws IOException {
        if (request.getAttribute(BYTES) != null || !isJson(request)) {
            return request;
        }
        byte[] bytes = request.getInputStream().readAllBytes();
        request.setAttribute(BYTES, bytes);
        return new ReplayableBody(request, bytes);
    }

    public static boolean isJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The buffered bytes, or null when the request had no JSON body. */
    public static byte[] bytes(HttpServletRequest request) {
        return (byte[]) request.getAttribute(BYTES);
    }

    /**
     * The buffered body as a JSON tree: null when there is no JSON body, and {@code MissingNode} when the body is
     * empty or not JSON at all (whoever handles the request then answers it as malformed).
     */
    public static JsonNode json(HttpServletRequest request) {
        byte[] bytes = bytes(request);
        if (bytes == null) {
            return null;
        }
        JsonNode tree = (JsonNode) request.getAttribute(TREE);
        if (tree == null) {
            try {
                tree = bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
            } catch (IOException e) {
                tree = JSON.missingNode();
            }
            request.setAttribute(TREE, tree == null ? JSON.missingNode() : tree);
        }
        return tree;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already read");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
