package io.github.aftersales.app.commands;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.core.registry.Messages;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.Map;

/** A scheme and variant named on the command line, or bad usage saying what there is. */
record SchemeChoice(Scheme scheme, Variant variant) {

    static SchemeChoice of(Map<String, Scheme> schemes, String schemeId, String variantId) {
        Scheme scheme = schemes.get(schemeId);
        if (scheme == null) {
            throw new UserException(ExitCode.USAGE, Messages.unknownScheme(schemeId, schemes.keySet()));
        }
        Variant variant = variantId == null ? scheme.defaultVariant() : scheme.variant(variantId).orElseThrow(() ->
                new UserException(ExitCode.USAGE, Messages.unknownVariant(scheme, variantId)));
        return new SchemeChoice(scheme, variant);
    }
}
