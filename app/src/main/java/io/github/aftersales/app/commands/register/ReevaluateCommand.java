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

/** {@code register reevaluate}. */
@Command(name = "reevaluate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Apply a full re-evaluation: its grade stands, higher or lower, and a new cycle starts;"
                + " an assessment reaching no level revokes the certificate; serious events in it suspend or revoke"
                + " it as on a surveillance (CQM 6.4).")
final class ReevaluateCommand extends RegisterSubcommand {
    @Mixin
    EvaluationEntry entry = new EvaluationEntry();

    @Inject
    ReevaluateCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        io.github.aftersales.core.evaluation.EvaluationOptions options = entry.options(this);
        try (Register register = open(Register.Access.UPDATE)) {
            print(RegisterReport.change(register.reevaluate(entry.certificate, entry.evaluate(this, register, options),
                    Optional.ofNullable(entry.onSerious))));
        }
        return ExitCode.OK;
    }
}
