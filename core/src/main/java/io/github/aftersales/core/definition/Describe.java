package io.github.aftersales.core.definition;

import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import java.util.stream.Collectors;

/** A condition in the words an author reads in a message ("total ≥ 90", "S当面 ≥ 80"). */
final class Describe implements Condition.Visitor<String> {

    private static final Describe INSTANCE = new Describe();

    private Describe() {
    }

    static String of(Condition c) {
        return c.accept(INSTANCE);
    }

    private static String cmp(Comparison c) {
        return c.operator().symbol() + " " + c.thresholdText();
    }

    @Override
    public String figure(Condition.OnFigure f) {
        return switch (f.figure()) {
            case TOTAL -> "total " + cmp(f.comparison());
            case SCORE -> "score " + cmp(f.comparison());
            case PERCENT -> "percentage " + cmp(f.comparison()) + " %";
            case CATEGORY_PERCENT -> (Condition.EVERY_TOP_LEVEL_CATEGORY.equals(f.category()) ? "every category"
                    : "category " + f.category()) + " " + cmp(f.comparison()) + " %";
            case PART_STARS -> "stars of the parts " + cmp(f.comparison());
        };
    }

    @Override
    public String fact(Condition.OnFact f) {
        return f.fact() + " " + cmp(f.comparison());
    }

    @Override
    public String eventCount(Condition.OnEventCount e) {
        String where = e.where().isEmpty() ? "" : " " + e.where().entrySet().stream()
                .map(w -> w.getKey() + "=" + w.getValue()).collect(Collectors.joining(", ", "(", ")"));
        return e.eventType() + where + " in the " + e.withinMonths() + " months before " + e.before() + " "
                + cmp(e.comparison());
    }

    @Override
    public String part(Condition.OnPart p) {
        return (Condition.EVERY_TOP_LEVEL_CATEGORY.equals(p.part()) ? "every part" : "part " + p.part()) + " "
                + p.figure().key() + " " + cmp(p.comparison());
    }

    @Override
    public String duration(Condition.OnDuration d) {
        return "months from " + d.from() + " to " + d.to() + " " + cmp(d.comparison());
    }

    @Override
    public String derivedFigure(Condition.OnDerivedFigure d) {
        return d.figure() + " " + cmp(d.comparison());
    }

    @Override
    public String expression(Condition.OnExpression e) {
        return e.nameEn().isEmpty() ? e.expression().strip() : e.nameEn() + " (" + e.expression().strip() + ")";
    }
}
