package io.github.aftersales.app.commands;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.core.registry.Messages;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --scheme ID [--variant V]}, the same on every command that names one, and its resolution. */
public final class SchemeChoice {

    @Option(names = "--scheme", required = true, paramLabel = "ID", description = "Scheme id (see 'schemes').")
    String schemeId;

    @Option(names = "--variant", paramLabel = "V", description = "Variant id; default: the scheme's first variant.")
    String variantId;

    /** The chosen scheme and variant, or bad usage saying what there is. */
    record Chosen(Scheme scheme, Variant variant) {
    }

    Chosen resolve(Map<String, Scheme> schemes) {
        Scheme scheme = schemes.get(schemeId);
        if (scheme == null) {
            throw new UserException(ExitCode.USAGE, Messages.unknownScheme(schemeId, schemes.keySet()));
        }
        Variant variant = variantId == null ? scheme.defaultVariant() : scheme.variant(variantId).orElseThrow(() ->
                new UserException(ExitCode.USAGE, Messages.unknownVariant(scheme, variantId)));
        return new Chosen(scheme, variant);
    }
}
