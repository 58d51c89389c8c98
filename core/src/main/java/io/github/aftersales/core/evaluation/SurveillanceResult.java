package io.github.aftersales.core.evaluation;

import io.github.aftersales.spi.SurveillanceRules;
import java.util.List;

/**
 * What surveillance decides for a certificate, and why.
 *
 * @param scheme       scheme id
 * @param variant      variant id
 * @param currentStars the certificate's stars before surveillance
 * @param currentLevel the name of that level
 * @param decision     keep, downgrade, suspend or revoke
 * @param stars        the certificate's stars after surveillance (kept while suspended, 0 when revoked)
 * @param reasons      why, in sentences
 * @param evaluation   the surveillance assessment's own result
 * @param readings     the readings of the standard the decision depended on (a serious event's window, whether
 *                     surveillance raises a level), chosen or binding; the evaluation lists its own
 */
public record SurveillanceResult(
        String scheme, String variant, int currentStars, String currentLevel, SurveillanceRules.Action decision,
        int stars, List<String> reasons, SchemeResult evaluation, List<ReadingUsed> readings) {
    public SurveillanceResult {
        reasons = List.copyOf(reasons);
        readings = List.copyOf(readings);
    }

    /** A decision that depended on no reading. */
    public SurveillanceResult(String scheme, String variant, int currentStars, String currentLevel,
            SurveillanceRules.Action decision, int stars, List<String> reasons, SchemeResult evaluation) {
        this(scheme, variant, currentStars, currentLevel, decision, stars, reasons, evaluation, List.of());
    }
}
