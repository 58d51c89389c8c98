package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.Register;
import io.github.aftersales.reports.Printable;
import io.github.aftersales.spi.Scheme;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code register check}: recomputes every certificate's hash chain and names each entry changed outside the program. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check that no entry of the register was changed outside the program: recompute the hash chain of"
                + " every certificate's history (each entry holds the digest of the one before it, the first of its"
                + " certificate's row) and name each entry changed, removed or put in between, and each certificate"
                + " whose row changed. Ends with the register's digest, to note and compare later. Exit 0 when every"
                + " chain holds, 9 when one is broken. Only reads."})
final class CheckCommand extends RegisterSubcommand {

    @Inject
    CheckCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Register register = open(Register.Access.READ)) {
            Register.ChainCheck checked = register.check(line -> {
                out.println(Printable.of(line));
                out.flush();
            });
            out.println((checked.broken() == 0 ? "the chain of every certificate holds: " : checked.broken()
                    + (checked.broken() == 1 ? " place where a chain is broken" : " places where a chain is broken")
                    + " (each named above), in ") + checked.certificates() + " certificate"
                    + (checked.certificates() == 1 ? "" : "s") + " and " + checked.entries() + " entr"
                    + (checked.entries() == 1 ? "y" : "ies") + " checked");
            out.println("register digest: " + checked.registerDigest());
            out.flush();
            return checked.broken() == 0 ? ExitCode.OK : ExitCode.TAMPERED;
        }
    }
}
