package io.github.aftersales.service;

import java.util.Arrays;
import java.util.Locale;

/** Content negotiation, as small as the API needs: the first acceptable of the types a route offers. */
public final class Negotiation {

    private Negotiation() {
    }

    /**
     * The first type of {@code offered} the {@code Accept} header takes, in the header's order ({@code q}
     * weights are not weighed, but {@code q=0} refuses a type); the first offered when there is no header or it
     * takes anything. 406 when none is taken.
     */
    public static String choose(String accept, String... offered) {
        if (accept == null || accept.isBlank()) {
            return offered[0];
        }
        for (String part : accept.split(",")) {
            if (part.replace(" ", "").matches("(?i).*;q=0(\\.0*)?(;.*)?")) {
                continue; // q=0: not acceptable
            }
            String type = mediaType(part);
            if (type.equals("*/*")) {
                return offered[0];
            }
            for (String o : offered) {
                if (o.equals(type) || (type.endsWith("/*") && o.startsWith(type.substring(0, type.length() - 1)))) {
                    return o;
                }
            }
        }
        throw new ApiError(406, "not-acceptable", "this route answers " + String.join(", ", Arrays.asList(offered))
                + "; the Accept header takes none of them");
    }

    /** The type and subtype of a media type, lower case, without parameters ({@code ""} for none). */
    public static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
