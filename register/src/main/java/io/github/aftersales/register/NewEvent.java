package io.github.aftersales.register;

import java.time.LocalDate;

/** An event decided by {@link Lifecycle}, not yet written. */
record NewEvent(EventKind kind, LocalDate date, String decision, State state, int stars, String grade,
        LocalDate cycleStart, String reason, String incidentType, EvaluatedAssessment evidence) {
}
