package io.github.aftersales.core.assessment;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The {@link AssessmentFormat}s on the class path, by extension, found once with
 * {@link ServiceLoader}; and what to say when a file needs a format whose module is not there.
 */
public final class AssessmentFormats {

    /** The formats this project provides in a module of their own, by extension: the module to add. */
    private static final Map<String, String> PROVIDED_BY = Map.of("xlsx", "the forms module (aftersales-forms)");

    private AssessmentFormats() {
    }

    /** Found when first asked for: a program that reads only JSON loads no other format. */
    private static final class Found {
        static final Map<String, AssessmentFormat> BY_EXTENSION = load();

        private static Map<String, AssessmentFormat> load() {
            Map<String, AssessmentFormat> byExtension = new HashMap<>();
            for (AssessmentFormat f : ServiceLoader.load(AssessmentFormat.class, AssessmentFormats.class.getClassLoader())) {
                byExtension.putIfAbsent(f.extension().toLowerCase(Locale.ROOT), f);
            }
            return Map.copyOf(byExtension);
        }
    }

    /** The format that reads and writes files with this extension (lower case, without the dot), if installed. */
    public static Optional<AssessmentFormat> find(String extension) {
        return Optional.ofNullable(Found.BY_EXTENSION.get(extension));
    }

    /**
     * Whether files with this extension are assessments of a format other than JSON and YAML: one
     * installed, or one this project provides in a module that is missing (read, such a file says so).
     */
    static boolean known(String extension) {
        return Found.BY_EXTENSION.containsKey(extension) || PROVIDED_BY.containsKey(extension);
    }

    /** Why a file with this extension cannot be read or written here: its format's module is missing. */
    public static String missing(String extension) {
        return "." + extension + " needs " + PROVIDED_BY.getOrDefault(extension, "a module providing that format")
                + " on the class path";
    }
}
