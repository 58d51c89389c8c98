package io.github.aftersales.reports;

import io.github.aftersales.core.assessment.Event;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What an assessment states, as the reports show it. */
final class Stated {

    private Stated() {
    }

    /** An event's attributes as an author writes them ("rectified=false"), by name; "" for none. */
    static String attributes(Event e) {
        return new TreeMap<>(e.attributes()).entrySet().stream().map(a -> a.getKey() + "=" + a.getValue())
                .collect(Collectors.joining(", "));
    }
}
