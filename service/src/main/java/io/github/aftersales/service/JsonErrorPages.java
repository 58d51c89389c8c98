package io.github.aftersales.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * What Jetty answers itself, before a request reaches the API (a malformed URL, a header too long, a bad
 * Content-Length, {@code GET *}): the API's one error shape instead of Jetty's HTML page, never a stack trace.
 */
final class JsonErrorPages extends ErrorHandler {

    JsonErrorPages() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body(code).getBytes(StandardCharsets.UTF_8));
    }

    /** The shape of every error; the reason Jetty gives is not repeated (it may echo the request). */
    private static String body(int status) {
        ApiError error = status >= 500
                ? new ApiError(status, "internal", "internal error (status " + status + "); the server's log says more")
                : status == 413 ? new ApiError(413, "too-large", "the request is larger than this server accepts")
                : new ApiError(status, "bad-request", "the request is not one HTTP allows (status " + status
                        + "): check the URL's escapes, the headers and their sizes");
        return io.github.aftersales.reports.Json.compact(ErrorBody.of(error));
    }
}
