package io.github.aftersales.records;

import java.util.Locale;

/** The kinds of service request a record may be; a mapping file maps a body's own words to these. */
public enum RequestType {
    REPAIR, INSTALLATION, MAINTENANCE, COMPLAINT, CONSULTATION, RETURN, OTHER;

    private static final RequestType[] ALL = values();

    private final String word = name().toLowerCase(Locale.ROOT);

    /** The word in an export and in output: {@code repair}, {@code complaint} … */
    public String word() {
        return word;
    }

    static RequestType byWord(String word) {
        for (RequestType t : ALL) {
            if (t.word.equals(word)) {
                return t;
            }
        }
        for (RequestType t : ALL) {
            if (t.word.equalsIgnoreCase(word)) {
                return t;
            }
        }
        return null;
    }

    static String words() {
        StringBuilder b = new StringBuilder();
        for (RequestType t : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(t.word());
        }
        return b.toString();
    }
}
