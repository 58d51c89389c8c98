package io.github.aftersales.reports;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences a result carries (how a clause was scored, why a grade is what it is), which the
 * evaluation writes in English, read back into their parts and written again with a language's
 * message bundle. The parts that are not words (figures, ids, the standards' names) are kept as they
 * are; a part that is itself a sentence (a part's reason inside a combined grade's) is written again
 * too. A sentence no rule reads stays as it is.
 */
final class Sentences {

    /** A sentence's form: the bundle key, its pattern, and the groups that are sentences themselves. */
    private record Rule(String key, Pattern pattern, int... nested) {
        Rule(String key, String regex, int... nested) {
            this(key, Pattern.compile(regex), nested);
        }
    }

    private static final String GAP = "((?:more than )?\\S+ more points?(?: of \\S+)?)";
    /** A level's name as written and our English in brackets, which may hold brackets of its own ("qualified (two stars)"). */
    private static final String LEVEL = "(\\S+) \\(((?:[^()]|\\([^()]*\\))+)\\)";

    /** A derived figure's English name and, in brackets, its name as the scheme writes it (no spaces or brackets). */
    private static final String DERIVED = "(.+) \\(([^()\\s]+)\\)";

    /** What a surveillance assessment reached: its grade as written and its stars ("五星级 (5 stars)"). */
    private static final String SURVEILLED = "the surveillance assessment reaches (.+) \\((\\d+) (stars?)\\)";

    /** In order: a rule before any that would read the same sentence less exactly. */
    private static final List<Rule> RULES = List.of(
            new Rule("how.scoreGiven", "score given"),
            new Rule("how.conformFull", "conform: full points"),
            new Rule("how.notConformNone", "not conform: no points"),
            new Rule("how.noFinding", "no finding: counted as 0"),
            new Rule("how.samples", "(\\d+) of (\\d+) samples not conforming: (\\S+) × (\\d+)/(\\d+) = (\\S+)"),
            new Rule("how.percent", "scored (\\S+) %: (\\S+) × (\\S+) % = (\\S+)"),
            new Rule("how.checklistOf", "checklist of (.+)"),
            new Rule("how.naExcluded", "not applicable: excluded from the applicable total \\(([\\w-]+), (.+)\\)", 2),
            new Rule("how.naFull", "not applicable: full points \\(([\\w-]+), (.+)\\)", 2),
            new Rule("source.fixedCli", "fixed by (\\S+) (\\S+); the command line's choice does not apply to it"),
            new Rule("source.fixed", "fixed by (\\S+) (\\S+)"),
            new Rule("source.cli", "chosen on the command line"),
            new Rule("source.options", "chosen in the assessment's options"),
            new Rule("source.default", "the default of (\\S+) (\\S+)"),

            new Rule("reason.neededCombinedGap", "(.+) needed for the combined grade " + LEVEL + ": " + GAP, 1, 4),
            new Rule("reason.neededCombined", "(.+) needed for the combined grade " + LEVEL, 1),
            new Rule("reason.neededGap", "(.+) needed for " + LEVEL + ": " + GAP, 1, 4),
            new Rule("reason.needed", "(.+) needed for " + LEVEL, 1),
            new Rule("reason.excluded", "(.+) not applicable: excluded \\(([\\w-]+), (.+)\\); score (\\S+) of (\\S+)"
                    + " applicable points, scaled to (\\S+) of (\\S+)", 3),
            new Rule("reason.missingZero", "(.+) has no finding: counted as 0 \\(missing = zero\\)"),
            new Rule("reason.idHow", "(.+?) (not applicable: full points \\(.+\\))", 2),
            new Rule("reason.fullThoughChecklist",
                    "(.+) has its full (\\S+) points though its checklist item (.+) does not conform"),
            new Rule("reason.eventNotConditionSurveil", "(\\S+) on (\\S+) is not a condition of any level of (\\S+)"
                    + " (\\S+); surveillance acts on it \\(surveil\\)"),
            new Rule("reason.eventNotCondition", "(\\S+) on (\\S+) is not a condition of any level of (\\S+) (\\S+)"),
            new Rule("reason.factThoughOne", "(.+) is '(.*)', though (.+) of the (.+) checklist does not conform:"
                    + " the stated (.+) is graded; check that it is the audit's conclusion"),
            new Rule("reason.factThoughMany", "(.+) is '(.*)', though (.+) of the (.+) checklist do not conform:"
                    + " the stated (.+) is graded; check that it is the audit's conclusion"),
            new Rule("reason.factThoughEvery", "(.+) is '(.*)', though every item of the (.+) checklist conforms:"
                    + " the stated (.+) is graded; check that it is the audit's conclusion"),
            new Rule("reason.factDerivedOne", "(.+) is '(.*)', derived from the (.+) checklist \\((\\S+) = (\\S+)\\):"
                    + " (\\S+) does not conform; the stated '(.*)' is not graded"),
            new Rule("reason.factDerivedMany", "(.+) is '(.*)', derived from the (.+) checklist \\((\\S+) = (\\S+)\\):"
                    + " (.+) do not conform; the stated '(.*)' is not graded"),
            new Rule("reason.factDerivedEvery", "(.+) is '(.*)', derived from the (.+) checklist \\((\\S+) = (\\S+)\\):"
                    + " every item conforms; the stated '(.*)' is not graded"),
            new Rule("reason.factNotDerived", "(.+) is not derived from the (.+) checklist \\((\\S+) = (\\S+)\\): an item"
                    + " has no result and none does not conform; the stated '(.*)' is graded"),
            // an item the grading table decides with an expression (GB/T 27922 B.6.3.2 from the counts of complaints)
            new Rule("reason.decidedConforms", "(\\S+) conforms, decided by the grading table: (.+)", 2),
            new Rule("reason.decidedNotConform", "(\\S+) does not conform, decided by the grading table: (.+)", 2),
            new Rule("reason.notDecided", "(\\S+) is not decided by the grading table: (.+); its result is the one stated",
                    2),
            new Rule("reason.surveilNoLevel", "the surveillance assessment reaches no level \\((.+)\\): the certificate is revoked"),
            new Rule("reason.surveilBelow", SURVEILLED + ", below the certificate's (.+) \\((\\d+)\\): downgraded"),
            new Rule("reason.surveilAboveNew", SURVEILLED + ", above the certificate's (.+) \\((\\d+)\\): the new grade"
                    + " stands \\((.+)\\)"),
            new Rule("reason.surveilAboveKept", SURVEILLED + ", above the certificate's level: kept at (.+); a higher level"
                    + " takes a new evaluation"),
            new Rule("reason.surveilKeeps", SURVEILLED + ": the certificate keeps (.+)"),
            new Rule("reason.seriousChosen", "(\\w+) \\(chosen for this surveillance\\) for serious events in the (\\d+)"
                    + " months before (\\S+) \\((\\S+)\\)", 1),
            new Rule("reason.seriousDefault", "(\\w+) \\(the default of (\\S+) (\\S+) where the standard says suspend or"
                    + " revoke\\) for serious events in the (\\d+) months before (\\S+) \\((\\S+)\\)", 1),
            new Rule("reason.seriousEventAnyTime", "(\\S+) on (\\d{4}-\\d{2}-\\d{2}): (\\S+) \\(([^()]+)\\) \\(looked for at"
                    + " any time before (\\S+): (\\S+)\\)"),
            new Rule("reason.seriousEventMonths", "(\\S+) on (\\d{4}-\\d{2}-\\d{2}): (\\S+) \\(([^()]+)\\) \\(looked for in"
                    + " the (\\d+) months before (\\S+): (\\S+)\\)"),
            new Rule("reason.seriousEventReadingNote", "(\\S+) on (\\d{4}-\\d{2}-\\d{2}): (\\S+) \\(([^()]+)\\) \\(read"
                    + " as (\\S+) = (\\S+)\\); (.+)"),
            new Rule("reason.seriousEventReading", "(\\S+) on (\\d{4}-\\d{2}-\\d{2}): (\\S+) \\(([^()]+)\\) \\(read as"
                    + " (\\S+) = (\\S+)\\)"),
            new Rule("reason.seriousEventNote", "(\\S+) on (\\d{4}-\\d{2}-\\d{2}): (\\S+) \\(([^()]+)\\); (.+)"),
            new Rule("reason.seriousEvent", "(\\S+) on (\\d{4}-\\d{2}-\\d{2}): (\\S+) \\(([^()]+)\\)"),
            new Rule("action.keep", "keep"),
            new Rule("action.downgrade", "downgrade"),
            new Rule("action.upgrade", "upgrade"),
            new Rule("action.suspend", "suspend"),
            new Rule("action.revoke", "revoke"),
            new Rule("reason.partReading", "(\\S+) (\\S+) counted its not-applicable clauses as ([\\w-]+), not its"
                    + " default ([\\w-]+)"),

            new Rule("what.total", "total (\\S+) (\\S+) (\\S+)"),
            new Rule("what.score", "score (\\S+) (\\S+) (\\S+)"),
            new Rule("what.percent", "percentage (\\S+) % (\\S+) (\\S+) %"),
            new Rule("what.category", "category (\\S+) (.+) at (\\S+) % \\((\\S+) of (\\S+)\\) (\\S+) (\\S+) %"),
            new Rule("what.partStars", "stars of the parts (.+) = (\\d+) (\\S+) (\\S+)"),
            new Rule("what.partNotPassed", "(\\S+) (\\S+) not passed \\((.+)\\)", 3),
            new Rule("what.partStarsOne", "(\\S+) (\\S+) stars (\\d+) (\\S+) (\\S+)"),
            new Rule("what.eventsWhere", "(\\S+) \\((.+)\\) in the (\\d+) months before (\\S+) \\((\\S+)\\):"
                    + " (\\d+) (\\S+) (\\S+)"),
            new Rule("what.eventsAnyTimeWhere", "(\\S+) \\((.+)\\) at any time up to (\\S+) \\((\\S+)\\):"
                    + " (\\d+) (\\S+) (\\S+)"),
            new Rule("what.eventsAnyTime", "(\\S+) at any time up to (\\S+) \\((\\S+)\\): (\\d+) (\\S+) (\\S+)"),
            new Rule("what.events", "(\\S+) in the (\\d+) months before (\\S+) \\((\\S+)\\): (\\d+) (\\S+) (\\S+)"),
            new Rule("what.months", "months from (\\S+) \\((\\S+)\\) to (\\S+) \\((\\S+)\\): (\\d+) (\\S+) (\\S+)"),
            // a condition written as an expression: "enough records (抽样记录足够) does not hold (sampled >= 30; sampled = 29)"
            new Rule("what.ruleUndefinedIn", "(.+) cannot be worked out \\((\\S+): ([^;]+); (.+ = .+)\\), so it does not"
                    + " hold", 3),
            new Rule("what.ruleUndefinedWhy", "(.+) cannot be worked out \\(([^;:]+); (.+ = .+)\\), so it does not hold", 2),
            new Rule("what.ruleUndefined", "(.+) cannot be worked out \\((.+)\\), so it does not hold", 2),
            new Rule("what.ruleNamedFalse", DERIVED + " does not hold \\((.+)\\)"),
            new Rule("what.ruleFalse", "(.+) does not hold \\((.*)\\)"),
            new Rule("what.ruleTrue", "(.+) holds \\((.*)\\)"),
            // a figure the grading table derives: "rate (解决率) 96.96 % (a = 33, b = 32) < 97 %"
            new Rule("what.derivedUndefinedNamed", DERIVED + " cannot be worked out \\((.+?); (.+ = .+)\\), so it is not"
                    + " (\\S+) (\\S+)((?: \\S+)?)", 3),
            new Rule("what.derivedUndefined", DERIVED + " cannot be worked out \\((.+)\\), so it is not (\\S+) (\\S+)"
                    + "((?: \\S+)?)", 3),
            new Rule("what.derivedNamed", DERIVED + " (\\S+)((?: \\S+)?) \\((.+ = .+)\\) (\\S+) (\\S+)((?: \\S+)?)"),
            new Rule("what.derived", DERIVED + " (\\S+)((?: \\S+)?) (\\S+) (\\S+)((?: \\S+)?)"),
            new Rule("why.divisionByZeroAt", "division by zero at character (\\d+)"),
            new Rule("why.divisionByZero", "division by zero"),

            new Rule("gap.moreThanOf", "more than (\\S+) more points of (\\S+)"),
            new Rule("gap.moreThan", "more than (\\S+) more points"),
            new Rule("gap.pointsOf", "(\\S+) more points of (\\S+)"),
            new Rule("gap.pointOf", "(\\S+) more point of (\\S+)"),
            new Rule("gap.points", "(\\S+) more points"),
            new Rule("gap.point", "(\\S+) more point"));

    private Sentences() {
    }

    /** {@code english} written again with {@code bundle}; as it is when no rule reads it. */
    static String write(String english, ResourceBundle bundle) {
        if (english == null) {
            return null;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(english);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                for (int g : rule.nested()) {
                    args[g - 1] = write(m.group(g), bundle);
                }
                return new MessageFormat(bundle.getString(rule.key()), Locale.ROOT).format(args);
            }
        }
        return english;
    }

    /** The keys the rules write with, for a test that every bundle has them. */
    static List<String> keys() {
        return RULES.stream().map(Rule::key).toList();
    }
}
