package io.github.aftersales.core.registry;

import io.github.aftersales.core.definition.CatalogValidator;
import io.github.aftersales.core.definition.GradingValidator;
import io.github.aftersales.core.definition.Limits;
import io.github.aftersales.spi.Variant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks every scheme passes before it is installed, whether it was read from resources (which
 * already checks them, with places) or built in code by a third party.
 */
final class DefinitionChecks {

    private DefinitionChecks() {
    }

    /** What is wrong with the definition of the scheme with this id and these variants, or {@code null}. */
    static String problem(String id, List<Variant> variants) {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            return "the id '" + (id.length() <= 40 ? id : id.substring(0, 40) + "…")
                    + "' must be lower-case letters, digits and '-'";
        }
        Set<String> ids = new HashSet<>();
        try {
            Limits.variants(variants.size(), "scheme " + id);
            for (Variant v : variants) {
                if (!ids.add(v.id())) {
                    return "variant " + v.id() + " is declared twice";
                }
                if (!v.combining()) {
                    CatalogValidator.validate(v.catalog(), "variant " + v.id(), null);
                }
                GradingValidator.validate(v.grading(), v.catalog(), v.combines(), v.inputs(), "variant " + v.id()
                        + " grading");
            }
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        return null;
    }
}
