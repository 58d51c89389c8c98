package io.github.aftersales.core.evaluation;

import io.github.aftersales.spi.Inputs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Whether a stated fact has a value of its declared type. */
final class FactValues {

    private FactValues() {
    }

    /** What is wrong with {@code value} for {@code spec}, or {@code null} when it fits. */
    static String problem(Inputs.FactSpec spec, Object value) {
        switch (spec.type()) {
            case PERCENT:
                if (!(value instanceof BigDecimal n) || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0) {
                    return spec.name() + " must be a percentage from 0 to 100, not " + text(value);
                }
                return null;
            case COUNT:
                if (!(value instanceof BigDecimal n) || n.signum() < 0 || n.stripTrailingZeros().scale() > 0) {
                    return spec.name() + " must be a whole number, 0 or more, not " + text(value);
                }
                return null;
            case NUMBER:
                return value instanceof BigDecimal ? null : spec.name() + " must be a number, not " + text(value);
            case DATE:
                try {
                    int year = IsoDates.parse(value).getYear();
                    return year >= 1900 && year <= 2100 ? null
                            : spec.name() + " must be a date between 1900 and 2100, not " + text(value);
                } catch (DateTimeParseException e) {
                    return spec.name() + " must be a date as YYYY-MM-DD, not " + text(value);
                }
            case CHOICE:
            default:
                return spec.values().contains(value.toString()) ? null
                        : spec.name() + " must be one of " + String.join(", ", spec.values()) + ", not " + text(value);
        }
    }

    /**
     * For a percentage between 0 and 1, what to say; {@code null} otherwise. 0.92 for 92 % (a share
     * written as a fraction, a spreadsheet's 92% typed into a plain cell) would grade silently as
     * 0.92 %. Asked only where no threshold on the fact is below 1 %, so that refusing a real figure
     * under 1 % is the lesser harm: written as 0 or 1 it meets the same thresholds.
     */
    static String fraction(Inputs.FactSpec spec, Object value) {
        if (spec.type() != Inputs.FactSpec.Type.PERCENT || !(value instanceof BigDecimal n) || n.signum() <= 0
                || n.compareTo(BigDecimal.ONE) >= 0) {
            return null;
        }
        String meant = n.movePointRight(2).stripTrailingZeros().toPlainString();
        return spec.name() + " is a percentage from 0 to 100: " + n.toPlainString() + " would be " + n.toPlainString()
                + " %; for " + meant + " % write " + meant + " (a figure between 0 and 1 % is refused as a fraction written"
                + " by mistake)";
    }

    private static String text(Object value) {
        return value instanceof String ? "'" + value + "'" : value instanceof BigDecimal n ? n.toPlainString()
                : String.valueOf(value);
    }
}
