package org.duban.security.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Lets an engine API response through untouched while it succeeds, but keeps the body of an error response (status
 * 400 or more when the body starts) back, so that the guard can replace it: the engine's wording of a person's
 * mistake, or a server error whose message may carry SQL. Decided once, when the body starts; an error body is
 * small, a success body (a Cockpit history list) is streamed.
 */
final class ErrorBodyCapture extends HttpServletResponseWrapper {

    private static final String CONTENT_LENGTH = "Content-Length";

    private ByteArrayOutputStream captured;
    private boolean decided;
    private ServletOutputStream stream;
    private PrintWriter writer;
    /** The length announced before the status was known (Jersey sets it first): applied only to a success. */
    private long announcedLength = -1;

    ErrorBodyCapture(HttpServletResponse response) {
        super(response);
    }

    /** Whether the response is an error whose body was kept back (or that has no body yet). */
    boolean isError() {
        return captured != null || (!decided && getStatus() >= 400);
    }

    /** The error body the engine wrote, as text. */
    String capturedBody() {
        if (writer != null) {
            writer.flush();
        }
        if (captured == null) {
            return "";
        }
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return captured.toString(charset);
    }

    /** Passes the kept-back error body on as the engine wrote it. */
    void release() throws IOException {
        if (captured == null) {
            return;
        }
        if (writer != null) {
            writer.flush();
        }
        byte[] body = captured.toByteArray();
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private boolean capturing() {
        if (!decided) {
            decided = true;
            if (getStatus() >= 400) {
                captured = new ByteArrayOutputStream();
            } else if (announcedLength >= 0) {
                super.setContentLengthLong(announcedLength);
            }
        }
        return captured != null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!capturing()) {
            return super.getOutputStream();
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    captured.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    captured.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!capturing()) {
            return super.getWriter();
        }
        if (writer == null) {
            String encoding = getCharacterEncoding();
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
        return writer;
    }

    @Override
    public void sendError(int status) {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) {
        // the container's error page is not ours to show: the guard writes the answer
        setStatus(status);
        decided = true;
        captured = new ByteArrayOutputStream();
    }

    @Override
    public void flushBuffer() throws IOException {
        if (captured == null) {
            super.flushBuffer();
        }
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        if (decided && captured == null) {
            super.setContentLengthLong(length);
        } else {
            announcedLength = length;
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setContentLengthLong(Long.parseLong(value.trim()));
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setContentLengthLong(Long.parseLong(value.trim()));
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setContentLengthLong(value);
        } else {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setContentLengthLong(value);
        } else {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void resetBuffer() {
        if (captured != null) {
            captured.reset();
        } else {
            super.resetBuffer();
        }
    }

    @Override
    public void reset() {
        super.reset();
        captured = null;
        decided = false;
        announcedLength = -1;
        stream = null;
        writer = null;
    }

}
