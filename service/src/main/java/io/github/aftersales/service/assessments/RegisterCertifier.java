package io.github.aftersales.service.assessments;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.register.CertificateView;
import io.github.aftersales.register.EvaluatedAssessment;
import io.github.aftersales.register.Evaluations;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterSettings;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.spi.Scheme;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Records approved assessments in the register, by its own rules (a file reaching no level, a reference taken,
 * a date in the future are refused there), the assessment's bytes stored as the certificate's evidence.
 */
public final class RegisterCertifier implements Certifier {

    private final RegisterSettings settings;
    private final Map<String, Scheme> schemes;
    private final Clock clock;

    public RegisterCertifier(RegisterSettings settings, Map<String, Scheme> schemes, Clock clock) {
        this.settings = settings;
        this.schemes = schemes;
        this.clock = clock;
    }

    @Override
    public AssessmentStore.Certificate record(String by, String organisation, String reference, String fileName,
            byte[] bytes, Assessment assessment, EvaluationResult result) {
        EvaluatedAssessment evaluated = Evaluations.pick(fileName, bytes, assessment, result,
                id -> Optional.ofNullable(schemes.get(id)), null, null, r -> Json.compact(JsonReport.scheme(r)));
        // on H2 the register stores who recorded; PostgreSQL takes its session's login (docs/service.md)
        try (Register register = Register.open(settings, Register.Access.UPDATE, clock, by)) {
            CertificateView made = register.record(organisation, reference, evaluated);
            return new AssessmentStore.Certificate(made.certificate().number(), made.certificate().reference());
        }
    }

    @Override
    public Optional<AssessmentStore.Certificate> recorded(String fileName, String organisation) {
        try (Register register = Register.open(settings, Register.Access.READ)) {
            return register.issuedFrom(fileName, organisation)
                    .map(c -> new AssessmentStore.Certificate(c.number(), c.certificate().reference()));
        }
    }
}
