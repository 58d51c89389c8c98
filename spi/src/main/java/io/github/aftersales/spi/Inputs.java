package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The facts and events an assessment of a variant states besides its findings (an audit outcome,
 * survey figures, dates, dated incidents), so they are checked when read and listed in templates.
 * A variant that declares none accepts none.
 *
 * @param facts          the facts, each required unless it says it is optional
 * @param events         the event types
 * @param evaluationDate the date fact that is the day of the evaluation: no event and no other date
 *                       fact may lie after it; {@code null} when the variant has no such date
 * @param startDate      the date fact on which what is assessed began (CQM: {@code operatingSince}): no event
 *                       may lie before it; {@code null} when the variant has no such date
 *
 * @since 0.1
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record Inputs(List<FactSpec> facts, List<EventSpec> events, String evaluationDate, String startDate) {

    /** No facts, no events. */
    public static final Inputs NONE = new Inputs(List.of(), List.of(), null, null);

    public Inputs {
        facts = List.copyOf(facts);
        events = List.copyOf(events);
    }

    /** Inputs without a start date (as before {@code startDate} existed: a plugin built against that keeps working). */
    public Inputs(List<FactSpec> facts, List<EventSpec> events, String evaluationDate) {
        this(facts, events, evaluationDate, null);
    }

    /**
     * A fact an assessment must state.
     *
     * @param name    its key in the assessment's {@code facts}
     * @param title   what it is, as the standard says it
     * @param titleEn our English
     * @param type    what values it takes
     * @param values  for {@link Type#CHOICE}: the words allowed; empty otherwise
     * @param concludes for a fact that states the conclusion of a checklist (an audit's outcome),
     *                  which checklist and which value says it conforms; {@code null} otherwise
     * @param optional  whether an assessment may leave it out (since 0.2): a figure the standard gives
     *                  a use for when it is known, such as the counts of complaints a grading table
     *                  decides a checklist item with ({@link GradingTable.DecidedItem}); a condition of
     *                  a level that names it still needs it
     * @param notAbove  for a count or number: another such fact it can never exceed (the complaints
     *                  resolved of those received, GB/T 27922 B.6.3.2); an assessment that states both with
     *                  this one larger is refused. {@code null} for none (since 0.2)
     */
    public record FactSpec(String name, String title, String titleEn, Type type, List<String> values,
            Concludes concludes, boolean optional, String notAbove) {

        /** A fact bounded by no other (as before {@code notAbove} existed). */
        public FactSpec(String name, String title, String titleEn, Type type, List<String> values,
                Concludes concludes, boolean optional) {
            this(name, title, titleEn, type, values, concludes, optional, null);
        }

        public FactSpec {
            requireNonNull(name, "name is null");
            requireNonNull(title, "title is null");
            requireNonNull(titleEn, "titleEn is null");
            requireNonNull(type, "type is null");
            values = List.copyOf(values);
            if (concludes != null && (type != Type.CHOICE || !values.contains(concludes.conforming())
                    || concludes.notConforming() != null && (!values.contains(concludes.notConforming())
                            || concludes.notConforming().equals(concludes.conforming())))) {
                throw new IllegalArgumentException("fact " + name + " concludes a checklist: it must be a choice"
                        + " whose values include '" + concludes.conforming() + "'");
            }
            if (notAbove != null && (type == Type.CHOICE || type == Type.DATE || notAbove.equals(name))) {
                throw new IllegalArgumentException("fact " + name + " is not above another: it must be a count,"
                        + " percent or number, bounded by another fact");
            }
        }

        /** A required fact (as before {@code optional} existed). */
        public FactSpec(String name, String title, String titleEn, Type type, List<String> values,
                Concludes concludes) {
            this(name, title, titleEn, type, values, concludes, false);
        }

        /** A required fact that concludes no checklist (as before {@code concludes} existed). */
        public FactSpec(String name, String title, String titleEn, Type type, List<String> values) {
            this(name, title, titleEn, type, values, null, false);
        }

        /**
         * The checklist a stated conclusion sums up. The conclusion is the auditor's and is graded as
         * stated; the platform says when the checklist's results disagree with it.
         *
         * @param checklist  the id of the checklist category (one without points)
         * @param conforming the fact's value that says the checklist conforms, e.g. {@code passed}
         * @param notConforming the value that says it does not, e.g. {@code failed}: what a derived outcome is
         *                   when an item does not conform; {@code null} when the outcome is only stated (since 0.2)
         * @param outcome    {@link #STATED} (the stated value is graded; a disagreeing checklist is said) or
         *                   {@link #DERIVED} (the checklist's results decide the value when they can) (since 0.2)
         * @param outcomeReading the key of the {@link Reading} (values {@code stated}, {@code derived}) that
         *                   chooses {@code outcome}, its default; or {@code null} (since 0.2)
         */
        public record Concludes(String checklist, String conforming, String notConforming, String outcome,
                String outcomeReading) {

            /** The stated value is graded; a checklist that disagrees is said in a reason. */
            public static final String STATED = "stated";
            /** The checklist decides: an item not conforming gives {@code notConforming}, all conforming {@code conforming}. */
            public static final String DERIVED = "derived";

            /** A conclusion that is always the stated one (as before {@code outcome} existed). */
            public Concludes(String checklist, String conforming) {
                this(checklist, conforming, null, STATED, null);
            }

            public Concludes {
                requireNonNull(checklist, "checklist is null");
                requireNonNull(conforming, "conforming is null");
                outcome = outcome == null ? STATED : outcome;
                if (!outcome.equals(STATED) && !outcome.equals(DERIVED)) {
                    throw new IllegalArgumentException("a checklist's conclusion is stated or derived, not '" + outcome
                            + "'");
                }
                if ((outcome.equals(DERIVED) || outcomeReading != null) && notConforming == null) {
                    throw new IllegalArgumentException("a conclusion derived from checklist " + checklist
                            + " needs the value that says it does not conform (notConforming)");
                }
            }
        }

        /** The kinds of fact. */
        public enum Type {
            /** A number, 0 to 100. */
            PERCENT("percent"),
            /** A whole number, 0 or more. */
            COUNT("count"),
            /** A date, YYYY-MM-DD. */
            DATE("date"),
            /** One of the declared words. */
            CHOICE("choice"),
            /** Any number. */
            NUMBER("number");

            private final String key;

            Type(String key) {
                this.key = key;
            }

            public String key() {
                return key;
            }
        }
    }

    /**
     * A type of dated event an assessment may list.
     *
     * @param type       its key in an event's {@code type}
     * @param title      what it is, as the standard says it
     * @param titleEn    our English
     * @param attributes the true/false attributes every event of this type states (e.g. {@code rectified})
     * @param optionalAttributes true/false attributes an event may leave out, which then read as {@code false}
     *                   (e.g. CQM's {@code cannotBeRectified}); since 0.2
     * @param exclusive  groups of attributes of which at most one may be true in an event, each of two or more
     *                   of its attributes: true together they contradict each other (CQM: a major complaint
     *                   {@code rectified} cannot also be one that {@code cannotBeRectified}); since 0.2
     */
    public record EventSpec(String type, String title, String titleEn, List<String> attributes,
            List<String> optionalAttributes, List<List<String>> exclusive) {

        /** An event type whose every attribute is stated. */
        public EventSpec(String type, String title, String titleEn, List<String> attributes) {
            this(type, title, titleEn, attributes, List.of(), List.of());
        }

        /** An event type whose attributes may all be true together. */
        public EventSpec(String type, String title, String titleEn, List<String> attributes,
                List<String> optionalAttributes) {
            this(type, title, titleEn, attributes, optionalAttributes, List.of());
        }

        public EventSpec {
            requireNonNull(type, "type is null");
            requireNonNull(title, "title is null");
            requireNonNull(titleEn, "titleEn is null");
            attributes = List.copyOf(attributes);
            optionalAttributes = List.copyOf(optionalAttributes);
            for (String a : optionalAttributes) {
                if (attributes.contains(a)) {
                    throw new IllegalArgumentException("event type " + type + ": attribute " + a
                            + " is both required and optional");
                }
            }
            exclusive = exclusive.stream().map(List::copyOf).toList();
            for (List<String> group : exclusive) {
                if (group.size() < 2 || group.stream().distinct().count() < group.size()) {
                    throw new IllegalArgumentException("event type " + type + ": exclusive attributes " + group
                            + " must be two or more different attributes");
                }
                for (String a : group) {
                    if (!attributes.contains(a) && !optionalAttributes.contains(a)) {
                        throw new IllegalArgumentException("event type " + type + ": exclusive attribute " + a
                                + " is not one of its attributes");
                    }
                }
            }
        }

        /** Whether an event of this type may carry the attribute (required or optional). */
        public boolean hasAttribute(String name) {
            return attributes.contains(name) || optionalAttributes.contains(name);
        }

        /** Every attribute, the required first. */
        public List<String> allAttributes() {
            List<String> all = new java.util.ArrayList<>(attributes);
            all.addAll(optionalAttributes);
            return List.copyOf(all);
        }
    }
}
