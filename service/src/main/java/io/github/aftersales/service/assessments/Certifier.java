package io.github.aftersales.service.assessments;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.evaluation.EvaluationResult;

/** Records an approved assessment as a certificate ({@link RegisterCertifier}: in the register). */
public interface Certifier {

    /**
     * Records the certificate the approved assessment is issued on.
     *
     * @param by           the manager who approved it
     * @param organisation the organisation certified: the assessment's as it was made
     * @param reference the certificate's reference, or {@code null}
     * @param fileName  the name the register's history gives the assessment
     * @param bytes     the assessment's bytes, stored as the certificate's evidence
     * @throws io.github.aftersales.register.RegisterException when the register refuses or fails
     */
    AssessmentStore.Certificate record(String by, String organisation, String reference, String fileName, byte[] bytes, Assessment assessment,
            EvaluationResult result);

    /**
     * The certificate recorded for the assessment named {@code fileName} of {@code organisation}, if one was: an
     * approval whose process stopped after the register recorded it is finished with it.
     *
     * @throws io.github.aftersales.register.RegisterException when the register cannot be read
     */
    java.util.Optional<AssessmentStore.Certificate> recorded(String fileName, String organisation);
}
