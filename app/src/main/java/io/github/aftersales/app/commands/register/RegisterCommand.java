package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.register.RegisterSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code register}: certificates, their surveillance and history, in a database. */
@Command(name = "register", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The certificate register: record evaluated assessments as certificates, apply surveillance and"
                + " re-evaluations by each scheme's rules, list what is due, show and export the history.",
            "History is append-only: every change is a new entry with its reason; nothing is updated or deleted.",
            "The register is an H2 file in $XDG_DATA_HOME/aftersales (else ~/.local/share/aftersales) unless --register, $AFTERSALES_REGISTER or"
                + " 'url' in ~/.config/aftersales/register.properties says otherwise; a jdbc:postgresql:// URL shares"
                + " one register among auditors."},
        subcommands = {RecordCommand.class, ListCommand.class, SearchCommand.class, ShowCommand.class,
            DueCommand.class, SurveilCommand.class, ReevaluateCommand.class, IncidentCommand.class,
            ExportCommand.class, CopyCommand.class, CheckCommand.class})
public final class RegisterCommand implements Callable<Integer> {

    @Option(names = "--register", scope = ScopeType.INHERIT, paramLabel = "URL|DIR",
            description = "The register: a JDBC URL (jdbc:postgresql://host/db, jdbc:h2:…) or a directory for the"
                    + " embedded one (default: $AFTERSALES_REGISTER, else 'url' in"
                    + " ~/.config/aftersales/register.properties, else ~/.local/share/aftersales).")
    String location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: name a register command: record, list, search, show, due,"
                + " surveil, reevaluate, incident, export, copy or check");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    RegisterSettings settings() {
        return RegisterLocation.resolve(location, System.getenv(), RegisterLocation.home(System.getenv()));
    }
}
