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
 */
public record SurveillanceResult(
        String scheme, String variant, int currentStars, String currentLevel, SurveillanceRules.Action decision,
        int stars, List<String> reasons, SchemeResult evaluation) {
    public SurveillanceResult {
        reasons = List.copyOf(reasons);
    }
}
