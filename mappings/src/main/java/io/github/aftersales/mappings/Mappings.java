package io.github.aftersales.mappings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mapping sets bundled with the program, one file per pair of catalogs, each usable both ways. */
public final class Mappings {

    /** The files under {@code mappings/}, in the order they are listed. */
    public static final List<String> FILES = List.of(
            "gbt27922-form__zg025-items.json",
            "gbt27922-form__gbt27922-annex-b.json",
            "gbt27922-form__cqm-star.json",
            "zg025-items__cqm-star.json");

    private static volatile Mappings builtIn;

    private final List<MappingSet> sets;

    public Mappings(List<MappingSet> sets) {
        this.sets = List.copyOf(sets);
    }

    /** The bundled mapping sets, read once. */
    public static Mappings builtIn() {
        Mappings m = builtIn;
        if (m == null) {
            List<MappingSet> sets = new ArrayList<>();
            for (String file : FILES) {
                try (InputStream in = Mappings.class.getResourceAsStream("/mappings/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("mappings/" + file + " is not in the jar");
                    }
                    sets.add(MappingSet.read(in, file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            m = new Mappings(sets);
            builtIn = m;
        }
        return m;
    }

    /** Every set, as written (source to target). */
    public List<MappingSet> all() {
        return sets;
    }

    /** The set from one scheme's variant to another's, read the other way round when it was written so. */
    public Optional<MappingSet> between(String fromScheme, String fromVariant, String toScheme, String toVariant) {
        for (MappingSet s : sets) {
            if (s.source().names(fromScheme, fromVariant) && s.target().names(toScheme, toVariant)) {
                return Optional.of(s);
            }
            if (s.target().names(fromScheme, fromVariant) && s.source().names(toScheme, toVariant)) {
                return Optional.of(s.inverse());
            }
        }
        return Optional.empty();
    }

    /** The pairs of catalogs mapped, for messages: {@code gbt27922/form ↔ zg025/items, …}. */
    public String describe() {
        return String.join(", ", sets.stream().map(s -> s.source() + " ↔ " + s.target()).toList());
    }
}
