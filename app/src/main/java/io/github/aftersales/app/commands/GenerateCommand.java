package io.github.aftersales.app.commands;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.output.Output;
import io.github.aftersales.app.output.Sink;
import io.github.aftersales.batch.Generator;
import io.github.aftersales.reports.Json;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: realistic random assessments, NDJSON, for load tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write N realistic random assessments of a scheme as NDJSON (one a line), valid input for"
                + " 'evaluate': most items conform, some lose part of their points, a few fail, some are excluded or"
                + " scored on samples, so the grades spread as in a real book. The same seed gives the same output."})
public final class GenerateCommand implements Callable<Integer> {

    // a provider: the schemes (and so the plugins) are loaded when the command runs, not for --help
    private final Provider<Map<String, Scheme>> installed;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SchemeChoice choice = new SchemeChoice();

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many assessments.")
    long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Mixin
    OutputOptions out = new OutputOptions();

    @Inject
    GenerateCommand(Provider<Map<String, Scheme>> installed) {
        this.installed = installed;
    }

    @Override
    public Integer call() {
        if (count < 0) {
            throw new UserException(ExitCode.USAGE, "--count must not be negative: " + count);
        }
        Map<String, Scheme> schemes = installed.get();
        SchemeChoice.Chosen chosen = choice.resolve(schemes);
        Scheme scheme = chosen.scheme();
        Variant variant = chosen.variant();
        Generator generator;
        try {
            generator = new Generator(scheme, variant, id -> Optional.ofNullable(schemes.get(id)), seed);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        try (Sink sink = Sink.open(out.output, out.force, true, spec.commandLine().getOut())) {
            for (long i = 0; i < count; i++) {
                sink.line(Json.compact(generator.next()));
            }
            sink.commit();
        }
        return ExitCode.OK;
    }
}
