package io.github.aftersales.forms.xlsx;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentFormat;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** The Excel form as an {@link AssessmentFormat}, found with {@link java.util.ServiceLoader}: {@link XlsxForms}. */
public final class XlsxFormat implements AssessmentFormat {

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public Assessment read(Path file) {
        return XlsxForms.read(file);
    }

    @Override
    public void writeTemplate(Scheme scheme, Variant variant, Function<String, Optional<Scheme>> others,
            OutputStream out) throws IOException {
        XlsxForms.write(scheme, variant, others, out);
    }

    @Override
    public void writeFilled(Scheme scheme, Variant variant, Function<String, Optional<Scheme>> others,
            Assessment filled, OutputStream out) throws IOException {
        XlsxForms.write(scheme, variant, others, java.util.Objects.requireNonNull(filled, "filled is null"), out);
    }
}
