package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.spi.CertificationCycle;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.SurveillanceRules;
import io.github.aftersales.spi.SurveillanceRules.Action;
import io.github.aftersales.spi.Variant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one surveillance rule, for every scheme that declares {@link SurveillanceRules} or a
 * {@link CertificationCycle}: a serious event suspends or revokes the certificate; otherwise the
 * surveillance assessment's grade keeps it (at its level), downgrades it (a lower level) or revokes
 * it (no level). A higher grade raises the certificate only where the cycle says the new grade
 * stands (ZG025 4.4); under CQM 6.4 raising takes a new evaluation.
 */
public final class Surveillance {

    private Surveillance() {
    }

    /**
     * Decides on a certificate.
     *
     * @param variant      the variant the certificate was issued under; it declares surveillance rules or a cycle
     * @param part         the surveillance assessment's part for that variant
     * @param evaluation   that part's result
     * @param currentStars the certificate's stars; must be one of the variant's levels
     * @param onSerious    what a serious event leads to, or empty for the scheme's default
     * @param source       the assessment file, for messages
     * @throws IllegalArgumentException when the variant has neither surveillance rules nor a cycle, or no level
     *                                  with those stars
     */
    public static SurveillanceResult decide(Variant variant, SchemeAssessment part, SchemeResult evaluation,
            int currentStars, Optional<Action> onSerious, String source) {
        return decide(variant, part, evaluation, currentStars, onSerious, source, java.util.Map.of());
    }

    /**
     * Decides on a certificate, with readings chosen for the run ({@code --reading}); the part's
     * {@code options.readings} apply too.
     *
     * @param readings readings chosen on the command line, by key, as written; those the variant does not take
     *                 are left alone
     * @see #decide(Variant, SchemeAssessment, SchemeResult, int, Optional, String)
     */
    public static SurveillanceResult decide(Variant variant, SchemeAssessment part, SchemeResult evaluation,
            int currentStars, Optional<Action> onSerious, String source, java.util.Map<String, String> readings) {
        ReadingChoices choices = variant.readings().isEmpty() ? ReadingChoices.NONE
                : ReadingChoices.of(evaluation.scheme(), variant, part, new EvaluationOptions(null, false, readings),
                        source);
        SurveillanceResult r = decide(variant, part, evaluation, currentStars, onSerious, source, choices);
        return r;
    }

    private static SurveillanceResult decide(Variant variant, SchemeAssessment part, SchemeResult evaluation,
            int currentStars, Optional<Action> onSerious, String source, ReadingChoices choices) {
        java.util.Set<String> bound = new java.util.LinkedHashSet<>();
        SurveillanceResult r = decided(variant, part, evaluation, currentStars, onSerious, choices, bound);
        if (choices == ReadingChoices.NONE) {
            return r;
        }
        return new SurveillanceResult(r.scheme(), r.variant(), r.currentStars(), r.currentLevel(), r.decision(),
                r.stars(), r.reasons(), r.evaluation(), used(variant, choices, bound));
    }

    /**
     * The readings of surveillance (the cycle's regrading, what a serious event leads to, a serious event's
     * window or selection) that were chosen, or whose default {@code bound} the decision.
     */
    private static List<ReadingUsed> used(Variant variant, ReadingChoices choices, java.util.Set<String> bound) {
        List<ReadingUsed> used = new ArrayList<>();
        for (ReadingUsed u : choices.all()) {
            boolean own = (variant.cycle() != null && u.key().equals(variant.cycle().regradingReading()))
                    || (variant.surveillance() != null && (u.key().equals(variant.surveillance().onSeriousEventReading())
                            || variant.surveillance().seriousEvents().stream()
                                    .anyMatch(s -> u.key().equals(s.reading()) || u.key().equals(s.whereReading()))));
            if (own && (u.source() != ReadingUsed.Source.DEFAULT || bound.contains(u.key()))) {
                used.add(u);
            }
        }
        return used;
    }

    private static SurveillanceResult decided(Variant variant, SchemeAssessment part, SchemeResult evaluation,
            int currentStars, Optional<Action> onSerious, ReadingChoices choices, java.util.Set<String> bound) {
        SurveillanceRules rules = variant.surveillance();
        CertificationCycle cycle = variant.cycle();
        if (rules == null && cycle == null) {
            throw new IllegalArgumentException(evaluation.scheme() + " " + variant.id() + ": the standard says nothing"
                    + " about surveillance; a new evaluation is the only way to regrade its certificates");
        }
        CertificationCycle.Regrading regrading = cycle == null ? CertificationCycle.Regrading.KEEP_OR_DOWNGRADE
                : cycle.regradingReading() != null && choices.get(cycle.regradingReading()) != null
                        ? CertificationCycle.Regrading.fromKey(choices.get(cycle.regradingReading()).value()).orElseThrow()
                        : cycle.regrading();
        Level current = variant.grading().levels().stream().filter(l -> l.starCount() == currentStars && currentStars > 0)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(evaluation.scheme() + " " + variant.id()
                        + " has no level with " + currentStars + " stars; its levels have " + variant.grading().levels()
                                .stream().map(l -> Integer.toString(l.starCount())).reduce((a, b) -> a + ", " + b)
                                .orElse("none")));
        List<String> reasons = new ArrayList<>();
        String scheme = evaluation.scheme();
        if (rules != null) {
            Optional<SurveillanceResult> serious = seriousEvents(variant, rules, part, evaluation, current, currentStars,
                    onSerious, reasons, choices, bound);
            if (serious.isPresent()) {
                return serious.get();
            }
        }
        int stars = evaluation.stars();
        if (!evaluation.passed()) {
            reasons.add("the surveillance assessment reaches no level (" + evaluation.grade() + "): the certificate is"
                    + " revoked");
            reasons.addAll(evaluation.nextLevelNeeds());
            return new SurveillanceResult(scheme, variant.id(), currentStars, current.name(), Action.REVOKE, 0, reasons,
                    evaluation);
        }
        if (stars < currentStars) {
            reasons.add("the surveillance assessment reaches " + evaluation.grade() + " (" + starsText(stars) + "), below the"
                    + " certificate's " + current.name() + " (" + currentStars + "): downgraded");
            for (int i = 0; i < variant.grading().levels().size(); i++) {
                if (variant.grading().levels().get(i).starCount() == currentStars) {
                    LevelCheck lost = evaluation.levels().get(i);
                    lost.shortfalls().forEach(s -> reasons.add(s.what() + " needed for " + lost.name()
                            + " (" + lost.nameEn() + ")"));
                }
            }
            return new SurveillanceResult(scheme, variant.id(), currentStars, current.name(), Action.DOWNGRADE, stars,
                    reasons, evaluation);
        }
        if (stars > currentStars && cycle != null && cycle.regradingReading() != null) {
            bound.add(cycle.regradingReading());
        }
        if (stars > currentStars && regrading == CertificationCycle.Regrading.NEW_GRADE) {
            reasons.add("the surveillance assessment reaches " + evaluation.grade() + " (" + starsText(stars) + "), above the"
                    + " certificate's " + current.name() + " (" + currentStars + "): the new grade stands ("
                    + cycle.source() + ")");
            return new SurveillanceResult(scheme, variant.id(), currentStars, current.name(), Action.UPGRADE, stars,
                    reasons, evaluation);
        }
        reasons.add("the surveillance assessment reaches " + evaluation.grade() + " (" + starsText(stars) + ")"
                + (stars > currentStars ? ", above the certificate's level: kept at " + current.name()
                        + "; a higher level takes a new evaluation" : ": the certificate keeps " + current.name()));
        return new SurveillanceResult(scheme, variant.id(), currentStars, current.name(), Action.KEEP, currentStars, reasons,
                evaluation);
    }

    private static Optional<SurveillanceResult> seriousEvents(Variant variant, SurveillanceRules rules,
            SchemeAssessment part, SchemeResult evaluation, Level current, int currentStars, Optional<Action> onSerious,
            List<String> reasons, ReadingChoices choices, java.util.Set<String> bound) {
        List<String> found = seriousEvents(variant, part, choices, bound);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        reasons.addAll(found);
        String scheme = evaluation.scheme();
        Action action = onSerious.orElse(rules.onSeriousEvent());
        boolean chosen = onSerious.isPresent();
        if (onSerious.isEmpty() && rules.onSeriousEventReading() != null) {
            // suspend or revoke is a reading (6.4 证书暂停或撤销证书): it decided what the serious events lead to
            bound.add(rules.onSeriousEventReading());
            ReadingUsed used = choices.get(rules.onSeriousEventReading());
            if (used != null && used.source() != ReadingUsed.Source.DEFAULT) {
                action = used.value().equals(Action.REVOKE.key()) ? Action.REVOKE : Action.SUSPEND;
                chosen = true;
            }
        }
        reasons.add(action.key() + (chosen ? " (chosen for this surveillance)"
                : " (the default of " + scheme + " " + variant.id() + " where the standard says suspend or revoke)")
                + " for serious events in the " + rules.withinMonths() + " months before "
                + variant.inputs().evaluationDate() + " (" + part.facts().get(variant.inputs().evaluationDate()) + ")");
        // a suspended certificate keeps its stars until it is reinstated or revoked (docs/register.md)
        return Optional.of(new SurveillanceResult(scheme, variant.id(), currentStars, current.name(), action,
                action == Action.SUSPEND ? currentStars : 0, reasons, evaluation));
    }

    /**
     * The serious events (the variant's {@link SurveillanceRules}) an assessment states within the
     * window before its evaluation date, one sentence each; empty when there are none or the
     * variant has no such rules. A new evaluation acts on them as surveillance does.
     */
    public static List<String> seriousEvents(Variant variant, SchemeAssessment part) {
        return seriousEvents(variant, part, ReadingChoices.NONE, new java.util.HashSet<>());
    }

    /**
     * The serious events as {@link #seriousEvents(Variant, SchemeAssessment)} finds them, read with the part's
     * {@code options.readings} (which complaint cannot be rectified, each event's window), and what they lead
     * to: the action the part's reading of suspend-or-revoke chooses, else the scheme's.
     *
     * @param scheme the scheme id, for messages
     * @param source the assessment file, for messages
     * @return the sentences (empty when there are none) and the action, {@code chosen} when the file chose it
     */
    public static Serious seriousEvents(String scheme, Variant variant, SchemeAssessment part, String source) {
        return seriousEvents(scheme, variant, part, source, Map.of());
    }

    /**
     * The serious events as {@link #seriousEvents(String, Variant, SchemeAssessment, String)} finds them, with
     * readings chosen for the run ({@code --reading}) before the part's {@code options.readings}.
     *
     * @param readings readings chosen on the command line, by key, as written; those the variant does not take
     *                 are left alone
     * @return as there, {@code chosen} also when the run chose the action, with the readings the finding
     *         depended on
     */
    public static Serious seriousEvents(String scheme, Variant variant, SchemeAssessment part, String source,
            Map<String, String> readings) {
        ReadingChoices choices = variant.readings().isEmpty() ? ReadingChoices.NONE
                : ReadingChoices.of(scheme, variant, part, new EvaluationOptions(null, false, readings), source);
        java.util.Set<String> bound = new java.util.LinkedHashSet<>();
        List<String> found = seriousEvents(variant, part, choices, bound);
        SurveillanceRules rules = variant.surveillance();
        Action action = rules == null ? Action.SUSPEND : rules.onSeriousEvent();
        boolean chosen = false;
        if (rules != null && rules.onSeriousEventReading() != null) {
            if (!found.isEmpty()) {
                bound.add(rules.onSeriousEventReading()); // it decided what the events lead to
            }
            ReadingUsed used = choices.get(rules.onSeriousEventReading());
            if (used != null && used.source() != ReadingUsed.Source.DEFAULT) {
                action = used.value().equals(Action.REVOKE.key()) ? Action.REVOKE : Action.SUSPEND;
                chosen = true;
            }
        }
        return new Serious(found, action, chosen, choices == ReadingChoices.NONE ? List.of()
                : used(variant, choices, bound));
    }

    /**
     * Serious events found, and what they lead to.
     *
     * @param readings the readings of surveillance the finding depended on, chosen or binding, as
     *                 {@link SurveillanceResult#readings()}
     */
    public record Serious(List<String> reasons, Action action, boolean chosen, List<ReadingUsed> readings) {
        public Serious {
            reasons = List.copyOf(reasons);
            readings = List.copyOf(readings);
        }
    }

    /**
     * The serious events as {@link #seriousEvents(Variant, SchemeAssessment)} finds them, each serious event
     * that takes its window from a reading looked for in the window {@code choices} give; the readings
     * whose window decided whether an event counts are added to {@code bound}.
     */
    private static List<String> seriousEvents(Variant variant, SchemeAssessment part, ReadingChoices choices,
            java.util.Set<String> bound) {
        SurveillanceRules rules = variant.surveillance();
        List<String> reasons = new ArrayList<>();
        if (rules == null) {
            return reasons;
        }
        String dateFact = variant.inputs().evaluationDate();
        LocalDate date = LocalDate.parse(String.valueOf(part.facts().get(dateFact)));
        LocalDate since = date.minusMonths(rules.withinMonths());
        for (Event e : part.events()) {
            if (e.date().isAfter(date)) {
                continue;
            }
            for (SurveillanceRules.SeriousEvent serious : rules.seriousEvents()) {
                Map<String, String> where = serious.where();
                String whereNote = "";
                if (serious.whereReading() != null && e.type().equals(serious.type())) {
                    io.github.aftersales.spi.Reading reading = variant.reading(serious.whereReading()).orElseThrow();
                    ReadingUsed chosen = choices.get(serious.whereReading());
                    String value = chosen == null ? reading.defaultValue() : chosen.value();
                    where = serious.where(value);
                    boolean matches = e.is(serious.type(), where);
                    // the reading decided when another of its values would select this event otherwise
                    if (serious.whereByValue().values().stream().anyMatch(w -> e.is(serious.type(), w) != matches)
                            && !e.date().isBefore(windowStart(variant, serious, date, since, choices))) {
                        bound.add(serious.whereReading());
                    }
                    whereNote = value.equals(reading.defaultValue()) ? "" : " (read as " + reading.key() + " = " + value + ")";
                }
                if (!e.is(serious.type(), where)) {
                    continue;
                }
                LocalDate from = since;
                String windowNote = whereNote;
                if (serious.reading() != null) {
                    // the event's own window decides whether it counts, so the reading bound the decision
                    bound.add(serious.reading());
                    ReadingUsed chosen = choices.get(serious.reading());
                    io.github.aftersales.spi.Reading reading = variant.reading(serious.reading()).orElseThrow();
                    String value = chosen == null ? reading.defaultValue() : chosen.value();
                    from = reading.window(value).map(date::minusMonths).orElse(LocalDate.MIN);
                    windowNote += value.equals(reading.defaultValue()) ? ""
                            : " (looked for " + (reading.window(value).isEmpty() ? "at any time before " + dateFact
                                    : "in the " + value + " months before " + dateFact) + ": " + reading.key() + ")";
                }
                if (e.date().isBefore(from)) {
                    continue;
                }
                reasons.add(e.type() + " on " + e.date() + ": " + serious.title() + " (" + serious.titleEn() + ")"
                        + windowNote + (e.note() == null ? "" : "; " + e.note()));
            }
        }
        return reasons;
    }

    /** The first day a serious event is looked for: its own window's (a reading) or the rules'. */
    private static LocalDate windowStart(Variant variant, SurveillanceRules.SeriousEvent serious, LocalDate date,
            LocalDate since, ReadingChoices choices) {
        if (serious.reading() == null) {
            return since;
        }
        io.github.aftersales.spi.Reading reading = variant.reading(serious.reading()).orElseThrow();
        ReadingUsed chosen = choices.get(serious.reading());
        String value = chosen == null ? reading.defaultValue() : chosen.value();
        return reading.window(value).map(date::minusMonths).orElse(LocalDate.MIN);
    }

    /** "1 star", "4 stars". */
    private static String starsText(int stars) {
        return stars + (stars == 1 ? " star" : " stars");
    }
}
