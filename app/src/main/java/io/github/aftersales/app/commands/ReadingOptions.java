package io.github.aftersales.app.commands;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.core.evaluation.ReadingValues;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --reading KEY=VALUE}: a reading of a standard chosen for the whole run (evaluate, surveil, register record, surveil and reevaluate). */
public final class ReadingOptions {

    @Option(names = "--reading", paramLabel = "KEY=VALUE",
            description = "Read the standard another way where the scheme offers a choice, e.g. --reading"
                    + " cqm.majorComplaintWindow=12. Repeatable; overrides the file's options.readings."
                    + " 'aftersales schemes --readings' lists every reading with its default and alternatives."
                    + " evaluate's --not-applicable X is another name for --reading gbt27922.notApplicable=X.")
    List<String> readings = new ArrayList<>();

    /**
     * The readings chosen, by key, each checked against the installed schemes: a key no installed scheme
     * declares, a value outside its alternatives, a key given twice or disagreeing with
     * {@code --not-applicable} is a usage error naming the option.
     */
    public Map<String, String> chosen(Map<String, Scheme> installed, NotApplicablePolicy notApplicable) {
        try {
            return ReadingValues.parse(readings, installed.values(), notApplicable, "--reading", "--not-applicable");
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
    }
}
