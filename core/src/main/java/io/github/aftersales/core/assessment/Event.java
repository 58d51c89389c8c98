package io.github.aftersales.core.assessment;

import static java.util.Objects.requireNonNull;

import io.github.aftersales.core.json.Located;
import java.time.LocalDate;
import java.util.Map;

/**
 * A dated event stated in an assessment (a complaint, an accident), with attributes.
 *
 * @param type       the event type, e.g. {@code majorComplaint}
 * @param date       when it happened
 * @param attributes other attributes as text (e.g. {@code rectified=false})
 * @param note       what happened, in the auditor's words, or {@code null}
 * @param position   where it is in the file
 * @param where      its path in the file ({@code schemes[0].events[2]}) or its place ({@code cqm!F82}), for messages
 */
public record Event(String type, LocalDate date, Map<String, String> attributes, String note, Located.Position position,
        Located.Where where) {
    public Event {
        requireNonNull(type, "type is null");
        requireNonNull(date, "date is null");
        requireNonNull(where, "where is null");
        attributes = Map.copyOf(attributes);
    }

    /**
     * Whether it is of {@code type} with every attribute of {@code where} (values compared without regard to
     * case): what a grading table's event count and a scheme's serious events select, and what the planner
     * counts, alike. An attribute the event leaves out reads as {@code false}: only an optional attribute can be
     * left out of a checked event ({@code Inputs.EventSpec.optionalAttributes}).
     */
    public boolean is(String type, Map<String, String> where) {
        if (!this.type.equals(type)) {
            return false;
        }
        for (Map.Entry<String, String> w : where.entrySet()) {
            if (!w.getValue().equalsIgnoreCase(attributes.getOrDefault(w.getKey(), "false"))) {
                return false;
            }
        }
        return true;
    }

    /** The attributes an event must have, as an author writes them: {@code " (rectified=false)"}; "" for none. */
    public static String whereText(Map<String, String> where) {
        return where.isEmpty() ? "" : new java.util.TreeMap<>(where).entrySet().stream()
                .map(w -> w.getKey() + "=" + w.getValue())
                .collect(java.util.stream.Collectors.joining(", ", " (", ")"));
    }

    /** Its path or place, for messages. */
    public String path() {
        return where.toString();
    }
}
