package io.github.aftersales.benchmarks;

import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.spi.NotApplicablePolicy;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

/**
 * The GB/T 27922 self-assessment form's grading as a DMN model (the clause scores summed exactly, not-applicable
 * clauses prorated, then the 70/80/90/95 star bands) run by Apache KIE's DMN engine ({@code org.kie:kie-dmn-core});
 * the peer {@link DmnBenchmark} measures the platform against and {@code DmnPeerTest} checks against it. On the
 * benchmarks' class path only: the platform does not use it.
 */
public final class DmnGrading {

    /** The model, in one of two encodings of the same grading. */
    public enum Model {
        /** {@code dmn/gbt27922-form.dmn}: each clause scored by a decision table (a business knowledge model). */
        TABLE("dmn/gbt27922-form.dmn", "GB/T 27922 self-assessment form"),
        /** {@code dmn/gbt27922-form-inline.dmn}: the same table's rows as one FEEL expression, the engine's fastest. */
        INLINE("dmn/gbt27922-form-inline.dmn", "GB/T 27922 self-assessment form, inline");

        final String resource;
        final String name;

        Model(String resource, String name) {
            this.resource = resource;
            this.name = name;
        }
    }

    /**
     * What the model decides.
     *
     * @param level      the level reached ({@code five-star}, …), {@code null} below 70
     * @param stars      its stars, 0 below 70
     * @param total      the total on the declared 100 (34 significant digits)
     * @param shownTotal the total cut to 2 decimals, as printed
     */
    public record Grade(String level, int stars, BigDecimal total, BigDecimal shownTotal) {
    }

    /**
     * The model's input for one form: its findings as the engine takes them (one map a clause, with {@code id},
     * {@code result}, {@code score}, {@code checked}, {@code nonConforming} and {@code percent}), and the reading
     * of a not-applicable clause ({@code null}: the form's default, prorate).
     */
    public record Input(List<Map<String, Object>> findings, String reading) {
    }

    private final DMNRuntime runtime;
    private final DMNModel model;

    /** Reads and compiles a model (a second or so, once). */
    public DmnGrading(Model which) {
        String name = which.resource;
        Resource resource;
        try (InputStream in = DmnGrading.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            resource = ResourceFactory.newByteArrayResource(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        resource.setSourcePath(name);
        runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(List.of(resource))
                .getOrElseThrow(e -> new IllegalStateException(name + " does not compile", e));
        model = runtime.getModels().stream().filter(m -> m.getName().equals(which.name)).findFirst().orElse(null);
        if (model == null || model.hasErrors()) {
            throw new IllegalStateException(name + " does not compile: "
                    + (model == null ? "no model " + which.name : model.getMessages()));
        }
    }

    /** The model's input for one part of an assessment (a GB/T 27922 form). */
    public static Input input(SchemeAssessment part) {
        List<Map<String, Object>> findings = new ArrayList<>(part.findings().size());
        for (Finding f : part.findings()) {
            Map<String, Object> m = new HashMap<>(8);
            m.put("id", f.id());
            m.put("result", f.result() == null ? null : f.result().key());
            m.put("score", f.score());
            m.put("checked", f.samples() == null ? null : BigDecimal.valueOf(f.samples().checked()));
            m.put("nonConforming", f.samples() == null ? null : BigDecimal.valueOf(f.samples().nonConforming()));
            m.put("percent", f.percent());
            findings.add(m);
        }
        NotApplicablePolicy reading = part.notApplicable();
        return new Input(findings, reading == null ? null : reading.key());
    }

    /** Grades one form: the engine evaluates every decision of the model. */
    public Grade grade(Input input) {
        DMNContext context = runtime.newContext();
        context.set("Findings", input.findings());
        context.set("Not applicable reading", input.reading());
        DMNResult result = runtime.evaluateAll(model, context);
        if (result.hasErrors()) {
            throw new IllegalStateException("the DMN model failed: " + result.getMessages());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> grade = (Map<String, Object>) result.getDecisionResultByName("Grade").getResult();
        return new Grade((String) grade.get("level"), ((BigDecimal) grade.get("stars")).intValueExact(),
                (BigDecimal) result.getDecisionResultByName("Total").getResult(),
                (BigDecimal) result.getDecisionResultByName("Shown total").getResult());
    }
}
