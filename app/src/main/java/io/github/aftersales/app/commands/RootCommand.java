package io.github.aftersales.app.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command: only subcommands, help and version. */
@Command(
        name = "aftersales",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Scores organisations against after-sales service certification schemes and gives their star grade.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   done (an assessment was evaluated, whatever its grade)",
            "  2   bad usage (unknown option or scheme on the command line)",
            "  3   bad input (a file missing, malformed or not fitting its scheme)",
            "  4   output file exists (use --force) or cannot be written",
            "  5   a scheme (a plugin) failed: while evaluating (only its assessments) or writing a template,",
            "      or a plugin ended the program while it was loaded; the message names the jar",
            "  6   the register refused (a revoked certificate, a date before its issue or last evaluation)",
            "  7   the register's database cannot be opened, is newer than this program, or failed",
            "  8   serve cannot listen: the port is taken or the address is not this machine's",
            "  9   register check: an entry of the register was changed outside the program",
            "  10  verify: the input changed (its SHA-256 is not the result's)",
            "  11  verify: a scheme's catalog changed (its digest is not the result's), or it is not installed",
            "  12  verify: the program changed (another version) and derives another result",
            "  13  verify: the result was altered (the same input, catalog and program derive another)",
            "  14  verify --key: the result's signature RESULT.jws is missing or does not hold",
            "  70  internal error (a defect of this program)",
            "  71  the Java virtual machine failed: out of memory (run with more: java -Xmx4g -jar …)"})
public final class RootCommand implements java.util.concurrent.Callable<Integer> {

    /**
     * The subcommands, in the order help lists them. Added by {@code Cli} rather than named in the
     * annotation: a command line that names one builds only that one (picocli would otherwise make
     * every command and its options, and the classes of the register and the service they name, at
     * every start).
     */
    public static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(SchemesCommand.class,
            TemplateCommand.class, EvaluateCommand.class, SurveilCommand.class, CarryCommand.class, GenerateCommand.class,
            VerifyCommand.class, SignCommand.class,
            io.github.aftersales.app.commands.register.RegisterCommand.class,
            io.github.aftersales.app.commands.records.RecordsCommand.class,
            io.github.aftersales.app.commands.service.ServeCommand.class,
            io.github.aftersales.app.commands.service.AccountsCommand.class);

    @Option(names = "--plugins", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Load scheme jars from DIR, each in its own class loader (default: $AFTERSALES_PLUGINS, else"
                    + " ~/.aftersales/plugins when it exists).")
    java.nio.file.Path plugins;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Log what happens and show stack traces of errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: name a command: schemes, template, evaluate, surveil, carry, generate, verify, sign, register, records, serve or accounts");
        spec.commandLine().usage(spec.commandLine().getErr());
        return io.github.aftersales.app.ExitCode.USAGE;
    }
}
