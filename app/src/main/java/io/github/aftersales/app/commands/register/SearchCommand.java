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
import picocli.CommandLine.Parameters;

/** {@code register search}. */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the certificates whose organisation or reference contains TEXT (any case).")
final class SearchCommand extends RegisterSubcommand {
    @Parameters(index = "0", paramLabel = "TEXT")
    String text;

    @Mixin
    ListOptions options = new ListOptions();

    @Inject
    SearchCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        try (Register register = open(Register.Access.READ)) {
            options.list(register, text, spec);
        }
        return ExitCode.OK;
    }
}
