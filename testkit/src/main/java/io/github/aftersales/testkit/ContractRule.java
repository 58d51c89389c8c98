package io.github.aftersales.testkit;

/** The rules every scheme keeps; a failure names its rule. */
public enum ContractRule {
    REGISTERED("registered for ServiceLoader",
            "the scheme's class is listed in META-INF/services/io.github.aftersales.spi.Scheme and loads"),
    VALID_DEFINITION("definition valid",
            "an id, at least one variant, children adding up to their category and categories to the declared total,"
                    + " grading tables naming only what the catalog has"),
    READINGS("readings well-formed",
            "each reading's default is among its alternatives, every parameter that takes a reading (an event count's"
                    + " window, a serious event's window, regrading, notApplicable) names one its variant declares, of"
                    + " the right kind, with the parameter's value as the default, and every declared reading is taken"),
    UNIQUE_IDS("ids unique", "no clause or category id appears twice in a catalog"),
    DETERMINISTIC("results deterministic", "the same assessment evaluated twice gives the same result"),
    LOST_POINTS_EXPLAINED("every lost point explained",
            "each clause below its points is listed among the lost points with how it was scored, the lost points add"
                    + " up to the applicable total less the score, and a grade below the top says why"),
    MONOTONE("raising a score never lowers the grade", "a clause given more points never lowers the grade"),
    LEVELS_REACHABLE("every level can be reached",
            "for every level the kit finds an assessment that reaches it (items at a share of their points, the facts"
                    + " and events its conditions ask for), and an assessment that reaches a level reaches every level"
                    + " below it; a table with derived figures is not searched (what their expressions need is not"
                    + " worked out)"),
    EXCLUSION_ONLY_DENOMINATOR("an exclusion changes only the denominator",
            "excluding a clause at full points lowers the score and the applicable total by its points, changes no"
                    + " other clause, and at 100 % leaves the grade as it was"),
    TEMPLATE_ROUND_TRIP("template -> evaluate round trip",
            "the blank template is read back by the assessment reader, and filled with every item conforming it"
                    + " scores the applicable total");

    private final String title;
    private final String meaning;

    ContractRule(String title, String meaning) {
        this.title = title;
        this.meaning = meaning;
    }

    /** A short name, used in failure messages. */
    public String title() {
        return title;
    }

    /** What the rule asks. */
    public String meaning() {
        return meaning;
    }
}
