package io.github.aftersales.core.definition;

import io.github.aftersales.spi.CertificationCycle;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Reading;
import io.github.aftersales.spi.SurveillanceRules;
import io.github.aftersales.spi.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a variant's readings are well-formed: every parameter that takes a reading names one the
 * variant declares, of the right kind, with the parameter's value its default (so that the default is
 * what the scheme does); every declared reading is taken by some parameter; keys start with the scheme
 * id. A scheme read from resources is checked as it loads; the test kit checks one built in code.
 */
public final class ReadingChecks {

    private ReadingChecks() {
    }

    /** The problems found, one sentence each; empty when the readings are well-formed. */
    public static List<String> problems(String schemeId, Variant v) {
        List<String> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Reading r : v.readings()) {
            if (!r.key().startsWith(schemeId + ".")) {
                out.add("reading " + r.key() + " does not start with the scheme id " + schemeId + ".");
            }
        }
        for (Level level : v.grading().levels()) {
            for (Condition c : level.conditions()) {
                if (c instanceof Condition.OnEventCount e && e.reading() != null) {
                    taken.add(e.reading());
                    months(v, e.reading(), "level " + level.id() + ": the window of " + e.eventType(), out)
                            .ifPresent(r -> {
                                if (!r.defaultValue().equals(Integer.toString(e.withinMonths()))) {
                                    out.add("level " + level.id() + ": the window of " + e.eventType() + " is "
                                            + e.withinMonths() + " months, but reading " + r.key() + "'s default is "
                                            + r.shown(r.defaultValue()));
                                }
                            });
                }
            }
        }
        for (io.github.aftersales.spi.Inputs.FactSpec fact : v.inputs().facts()) {
            io.github.aftersales.spi.Inputs.FactSpec.Concludes c = fact.concludes();
            if (c == null || c.outcomeReading() == null) {
                continue;
            }
            taken.add(c.outcomeReading());
            v.reading(c.outcomeReading()).ifPresentOrElse(r -> {
                r.values().stream().filter(x -> !x.equals(io.github.aftersales.spi.Inputs.FactSpec.Concludes.STATED)
                        && !x.equals(io.github.aftersales.spi.Inputs.FactSpec.Concludes.DERIVED))
                        .forEach(x -> out.add("reading " + r.key() + " gives fact " + fact.name() + "'s outcome, which"
                                + " is stated or derived, not '" + x + "'"));
                if (!r.defaultValue().equals(c.outcome())) {
                    out.add("fact " + fact.name() + "'s outcome is " + c.outcome() + ", but reading " + r.key()
                            + "'s default is " + r.defaultValue());
                }
            }, () -> out.add("fact " + fact.name() + "'s outcome takes reading " + c.outcomeReading() + ", which the"
                    + " variant does not declare"));
        }
        SurveillanceRules rules = v.surveillance();
        if (rules != null) {
            for (SurveillanceRules.SeriousEvent s : rules.seriousEvents()) {
                if (s.reading() != null) {
                    taken.add(s.reading());
                    months(v, s.reading(), "serious event " + s.type() + "'s window", out);
                }
                if (s.whereReading() != null) {
                    taken.add(s.whereReading());
                    v.reading(s.whereReading()).ifPresentOrElse(r -> {
                        if (r.months()) {
                            out.add("serious event " + s.type() + "'s attributes take reading " + r.key()
                                    + ", which is in months");
                        }
                        if (!s.whereByValue().keySet().equals(new HashSet<>(r.values()))) {
                            out.add("serious event " + s.type() + " gives attributes for " + s.whereByValue().keySet()
                                    + ", but reading " + r.key() + "'s values are " + r.values());
                        } else if (!s.where().equals(s.whereByValue().get(r.defaultValue()))) {
                            out.add("serious event " + s.type() + "'s where is " + s.where() + ", but reading "
                                    + r.key() + "'s default " + r.defaultValue() + " gives "
                                    + s.whereByValue().get(r.defaultValue()));
                        }
                    }, () -> out.add("serious event " + s.type() + "'s attributes take reading " + s.whereReading()
                            + ", which the variant does not declare"));
                }
            }
            if (rules.onSeriousEventReading() != null) {
                taken.add(rules.onSeriousEventReading());
                v.reading(rules.onSeriousEventReading()).ifPresentOrElse(r -> {
                    r.values().stream().filter(x -> !x.equals("suspend") && !x.equals("revoke"))
                            .forEach(x -> out.add("reading " + r.key() + " gives onSeriousEvent, which is suspend or"
                                    + " revoke, not '" + x + "'"));
                    if (!r.defaultValue().equals(rules.onSeriousEvent().key())) {
                        out.add("onSeriousEvent is " + rules.onSeriousEvent().key() + ", but reading " + r.key()
                                + "'s default is " + r.defaultValue());
                    }
                }, () -> out.add("onSeriousEvent takes reading " + rules.onSeriousEventReading() + ", which the"
                        + " variant does not declare"));
            }
        }
        CertificationCycle cycle = v.cycle();
        if (cycle != null && cycle.regradingReading() != null) {
            taken.add(cycle.regradingReading());
            v.reading(cycle.regradingReading()).ifPresentOrElse(r -> {
                r.values().stream().filter(x -> CertificationCycle.Regrading.fromKey(x).isEmpty())
                        .forEach(x -> out.add("reading " + r.key() + " gives regrading, which is keep-or-downgrade or"
                                + " new-grade, not '" + x + "'"));
                if (!r.defaultValue().equals(cycle.regrading().key())) {
                    out.add("regrading is " + cycle.regrading().key() + ", but reading " + r.key() + "'s default is "
                            + r.defaultValue());
                }
            }, () -> out.add("regrading takes reading " + cycle.regradingReading() + ", which the variant does not"
                    + " declare"));
        }
        if (v.notApplicableReading() != null) {
            taken.add(v.notApplicableReading());
            Reading r = v.reading(v.notApplicableReading()).orElseThrow(); // Variant's constructor checks it
            r.values().stream().filter(x -> NotApplicablePolicy.fromKey(x).filter(p -> p.key().equals(x)).isEmpty())
                    .forEach(x -> out.add("reading " + r.key() + " gives notApplicable, which is prorate or full-points,"
                            + " not '" + x + "'"));
            if (!r.defaultValue().equals(v.notApplicable().key())) {
                out.add("notApplicable is " + v.notApplicable().key() + ", but reading " + r.key() + "'s default is "
                        + r.defaultValue());
            }
            if (v.notApplicableFixed()) {
                out.add("notApplicable is fixed, so it cannot take reading " + r.key());
            }
        }
        for (Reading r : v.readings()) {
            if (!taken.contains(r.key())) {
                out.add("reading " + r.key() + " is declared but no parameter takes it");
            }
        }
        return out;
    }

    private static java.util.Optional<Reading> months(Variant v, String key, String what, List<String> out) {
        java.util.Optional<Reading> r = v.reading(key);
        if (r.isEmpty()) {
            out.add(what + " takes reading " + key + ", which the variant does not declare");
        } else if (!r.get().months()) {
            out.add(what + " takes reading " + key + ", which is not in months");
            return java.util.Optional.empty();
        }
        return r;
    }
}
