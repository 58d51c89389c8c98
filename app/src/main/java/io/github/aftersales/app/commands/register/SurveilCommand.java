package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.Register;
import io.github.aftersales.spi.Scheme;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code register surveil}. */
@Command(name = "surveil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Apply a surveillance assessment to a certificate by its scheme's rules: CQM 6.4 keeps,"
                + " downgrades, suspends or revokes; ZG025 gives the new grade. A surveillance without serious"
                + " events reinstates a suspended certificate."})
final class SurveilCommand extends RegisterSubcommand {
    @Mixin
    EvaluationEntry entry = new EvaluationEntry();

    @Inject
    SurveilCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        io.github.aftersales.core.evaluation.EvaluationOptions options = entry.options(this);
        try (Register register = open(Register.Access.UPDATE)) {
            print(RegisterReport.change(register.surveil(entry.certificate, entry.evaluate(this, register, options),
                    Optional.ofNullable(entry.onSerious))));
        }
        return ExitCode.OK;
    }
}
