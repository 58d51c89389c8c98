package io.github.aftersales.app.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o FILE} and {@code --force}, the same on every command that writes. */
public final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Overwrite the output file if it exists.")
    boolean force;
}
