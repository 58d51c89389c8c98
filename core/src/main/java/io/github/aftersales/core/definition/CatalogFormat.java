package io.github.aftersales.core.definition;

import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.json.Reading;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the catalog format a scheme's files are written in ({@code "format"} in
 * {@code scheme.json}). A format is named by the platform version that introduced it, so a refusal
 * can say which platform reads the files: a catalog written for a newer platform is refused whole,
 * never read half-understood. An absent {@code format} is the first format, {@value #FIRST}.
 */
final class CatalogFormat {

    /** The newest format this platform reads, and the platform version that introduced it. */
    static final String CURRENT = "0.2";

    /** The first format, which a {@code scheme.json} without {@code format} is written in. */
    static final String FIRST = "0.1";

    /** The formats this platform reads, oldest first: 0.2 added derived figures to grading tables. */
    static final java.util.List<String> KNOWN = java.util.List.of(FIRST, CURRENT);

    private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})");

    private CatalogFormat() {
    }

    /**
     * Checks the {@code format} of a scheme's root object; a newer or unknown format is a problem naming it.
     *
     * @return the format the files are written in
     */
    static String check(Reading r, Located.Obj root) {
        if (!root.has("format")) {
            return FIRST;
        }
        Located at = root.get("format");
        String stated = r.string(at, "'format'");
        Matcher m = VERSION.matcher(stated);
        if (!m.matches()) {
            throw r.problem(at, "'" + stated + "' is not a catalog format: it names the platform version the files"
                    + " were written for, like \"" + CURRENT + "\"");
        }
        Matcher current = VERSION.matcher(CURRENT);
        current.matches();
        int cmp = Integer.compare(Integer.parseInt(m.group(1)), Integer.parseInt(current.group(1)));
        if (cmp == 0) {
            cmp = Integer.compare(Integer.parseInt(m.group(2)), Integer.parseInt(current.group(2)));
        }
        if (cmp > 0) {
            throw r.problem(at, stated + " is a newer catalog format, read by aftersales " + stated + " and later;"
                    + " this aftersales reads " + CURRENT + ": install aftersales " + stated + " or later to use"
                    + " this scheme");
        }
        if (!KNOWN.contains(stated)) {
            throw r.problem(at, stated + " is not a catalog format (the formats are " + String.join(", ", KNOWN) + ")");
        }
        return stated;
    }
}
