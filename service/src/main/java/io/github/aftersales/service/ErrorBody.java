package io.github.aftersales.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one shape of every error the API answers (docs/openapi.json, {@code Error}):
 * <pre>{"status": 400, "code": "bad-input", "message": "…", "place": {"source": "request body", "line": 3, "column": 7}}</pre>
 * {@code place} is there when the error is in the input; {@code line} and {@code column} when it is at one place of it.
 */
public final class ErrorBody {

    private ErrorBody() {
    }

    public static ObjectNode of(ApiError e) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", e.status());
        body.put("code", e.code());
        body.put("message", e.getMessage());
        if (e.source() != null) {
            ObjectNode place = body.putObject("place");
            place.put("source", e.source());
            if (e.position() != null && e.position().line() > 0) {
                place.put("line", e.position().line());
                place.put("column", e.position().column());
            }
        }
        return body;
    }
}
