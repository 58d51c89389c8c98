package io.github.aftersales.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each API route takes as its request body, as the OpenAPI document (docs/openapi.json, in the jar) declares it:
 * the media types of its {@code requestBody}. A route of the API takes its body as it is (a JSON document, an
 * assessment file, an evidence file's bytes), never a {@code multipart/form-data} form, which only the pages' forms
 * send: {@link #multipartRefused} says so in the route's own terms.
 */
final class RequestBodies {

    private static final Map<String, List<String>> TYPES = read();

    private RequestBodies() {
    }

    /** The media types the OpenAPI document declares for a route's body ({@code *}{@code /*}: any); empty: none. */
    static List<String> of(Route route) {
        return TYPES.getOrDefault(route.method().name().toLowerCase(Locale.ROOT) + " " + route.path(), List.of());
    }

    /**
     * 415 {@code unsupported-media-type} for a multipart form sent to {@code route}: what it takes instead, and how to
     * send it.
     */
    static ApiError multipartRefused(Route route) {
        List<String> types = of(route);
        if (types.contains("*/*")) {
            return new ApiError(415, "unsupported-media-type", route + " takes the file itself as the request body,"
                    + " with the file's own Content-Type (application/pdf, image/jpeg …), not a multipart/form-data form:"
                    + " send its bytes as they are (curl --data-binary @FILE -H 'Content-Type: application/pdf'), the"
                    + " clause and the file's name in the query (?clause=…&name=…)");
        }
        if (types.isEmpty()) {
            return new ApiError(415, "unsupported-media-type", route + " takes no request body, and no"
                    + " multipart/form-data form");
        }
        return new ApiError(415, "unsupported-media-type", route + " takes its request body as "
                + String.join(" or ", types) + ", not a multipart/form-data form: send the document's bytes as they"
                + " are, with their Content-Type (curl --data-binary @FILE -H 'Content-Type: " + types.get(0)
                + "', not curl -F)");
    }

    private static Map<String, List<String>> read() {
        try (InputStream in = RequestBodies.class.getResourceAsStream(ServiceRoutes.OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(ServiceRoutes.OPENAPI + " is missing from the service's jar");
            }
            JsonNode paths = new ObjectMapper().readTree(in).path("paths");
            Map<String, List<String>> types = new HashMap<>();
            for (Map.Entry<String, JsonNode> p : paths.properties()) {
                for (Map.Entry<String, JsonNode> op : p.getValue().properties()) {
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    if (content.isObject()) {
                        List<String> media = new ArrayList<>();
                        content.properties().forEach(m -> media.add(m.getKey()));
                        types.put(op.getKey() + " " + p.getKey(), List.copyOf(media));
                    }
                }
            }
            return Map.copyOf(types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
