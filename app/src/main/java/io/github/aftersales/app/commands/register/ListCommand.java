package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.Register;
import io.github.aftersales.spi.Scheme;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code register list}. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the certificates with their current state.")
final class ListCommand extends RegisterSubcommand {
    @Mixin
    ListOptions options = new ListOptions();

    @Inject
    ListCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        try (Register register = open(Register.Access.READ)) {
            options.list(register, null, spec);
        }
        return ExitCode.OK;
    }
}
