package io.github.aftersales.app.commands.records;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.commands.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code records}: an organisation's service-record export as figures, audit samples and assessment parts. */
@Command(name = "records", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Read a service-record export (CSV or xlsx, one row a service request; docs/records.md) in one pass:"
                + " the service-quality indicators (响应时间, 解决时间, 首次解决率, 顾客满意度指数) and the complaint"
                + " resolution rate per type, channel and month (summary), a seeded audit sample (sample), and the"
                + " figures as parts of an assessment (feed).",
            "A bad row is reported with its line and column and skipped; a file that is no export is one error (exit 3)."},
        subcommands = {RecordsSummaryCommand.class, RecordsSampleCommand.class, RecordsFeedCommand.class})
public final class RecordsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: name a records command: summary, sample or feed");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
