package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterSettings;
import io.github.aftersales.reports.Printable;
import io.github.aftersales.spi.Scheme;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code register copy}. */
@Command(name = "copy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Copy the whole register, every certificate and entry as recorded (numbers, files, results,"
                + " who and when), into an empty register: how an embedded register moves to the PostgreSQL a body"
                + " shares. One transaction: on failure the target stays empty. The source is only read.",
            "Then point --register / $AFTERSALES_REGISTER at the target."})
final class CopyCommand extends RegisterSubcommand {
    @Option(names = "--to", required = true, paramLabel = "URL|DIR",
            description = "The target: a JDBC URL (credentials in it, e.g."
                    + " jdbc:postgresql://host/db?user=u&password=p) or a directory for an embedded register.")
    String to;

    @Inject
    CopyCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        if (to.isBlank()) {
            throw new UserException(ExitCode.USAGE, "--to needs a JDBC URL or a directory");
        }
        RegisterSettings target = RegisterLocation.resolve(to, Map.of(), RegisterLocation.home(System.getenv()));
        target = new RegisterSettings(target.url(), null, null, "--to");
        try (Register source = open(Register.Access.READ)) {
            if (source.settings().url().equals(target.url())) {
                throw new UserException(ExitCode.USAGE, "--to names the register being copied");
            }
            try (Register into = Register.open(target, Register.Access.WRITE)) {
                int n = source.copyTo(into);
                print(Printable.of("copied " + n + (n == 1 ? " certificate" : " certificates") + " with"
                        + " their history from " + source.settings().describe() + " to "
                        + into.settings().describe()) + "\n");
            }
        }
        return ExitCode.OK;
    }
}
