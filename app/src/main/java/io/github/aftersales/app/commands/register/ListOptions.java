package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.output.Sink;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterFormats;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --state}, {@code --scheme} and {@code --format}, the same on list and search. */
final class ListOptions {
    @Option(names = "--state", paramLabel = "STATE",
            description = "Only certificates in this state: active, suspended or revoked.")
    io.github.aftersales.register.State state;

    @Option(names = "--scheme", paramLabel = "ID", description = "Only certificates of this scheme.")
    String scheme;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    RegisterSubcommand.Format format;

    /** Lists what the options select, a certificate at a time, filtered by the database. */
    void list(Register register, String text, CommandSpec spec) {
        io.github.aftersales.register.Listing listing = new io.github.aftersales.register.Listing(text,
                state == null ? java.util.Set.of() : java.util.Set.of(state), scheme);
        try (Sink sink = Sink.open(null, false, true, spec.commandLine().getOut())) {
            if (format == RegisterSubcommand.Format.json) {
                io.github.aftersales.reports.StreamedJson json = io.github.aftersales.reports.StreamedJson.array(sink.writer());
                register.forEach(listing, false, c -> json.add(RegisterFormats.certificateJson(c, false)));
                json.end();
            } else {
                RegisterReport.TextList list = new RegisterReport.TextList(sink);
                register.forEach(listing, false, list);
                list.end(text, state == null && scheme == null ? null : (state == null ? "" : " " + state.key())
                        + (scheme == null ? "" : " of scheme " + scheme));
            }
            sink.commit();
        }
    }
}
