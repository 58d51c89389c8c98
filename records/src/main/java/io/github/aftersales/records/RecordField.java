package io.github.aftersales.records;

import java.util.Locale;

/**
 * The columns of a service-record export (docs/records.md): the key a mapping file names each by, and
 * the header it has when no mapping names it otherwise.
 */
public enum RecordField {
    ID("id", true),
    TYPE("type", true),
    CHANNEL("channel", false),
    OPENED("opened", true),
    FIRST_RESPONSE("firstResponse", false),
    RESOLVED("resolved", false),
    CONTACTS("contacts", false),
    PROMISED_HOURS("promisedHours", false),
    SATISFACTION("satisfaction", false),
    MAJOR_COMPLAINT("majorComplaint", false),
    RECTIFIED_ON("rectifiedOn", false);

    private final String key;
    private final boolean required;

    RecordField(String key, boolean required) {
        this.key = key;
        this.required = required;
    }

    /** The key in a mapping file's {@code columns}, and in JSON. */
    public String key() {
        return key;
    }

    /** The header when the mapping does not name one: the key in snake case ({@code first_response}). */
    public String defaultHeader() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a row without it is refused (the others may be empty, or their column absent). */
    public boolean required() {
        return required;
    }

    static RecordField byKey(String key) {
        for (RecordField f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
