package io.github.aftersales.core.definition;

import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.GradingTable;
import io.github.aftersales.spi.Level;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The limits on what is read to find a scheme and on what a scheme may declare, in one place
 * (listed in docs/catalog-format.md). They are far above the real standards, whose largest catalog
 * has 88 clauses in 35 categories three levels deep, 43 KB of JSON, and whose longest text is 503
 * characters; a scheme past one is refused in one line naming the resource and the place, so that a
 * mistaken or hostile scheme jar cannot make every start slow or exhaust the memory.
 */
public final class Limits {

    /** Bytes of one resource of a scheme: {@code scheme.json}, a catalog or a grading table. */
    public static final int RESOURCE_BYTES = 4 << 20;
    /** Bytes of a plugin's {@code META-INF/services} file, a list of class names. */
    public static final int SERVICE_FILE_BYTES = 64 << 10;
    /** Variants of one scheme. */
    public static final int VARIANTS = 100;
    /** Clauses (checklist items included) of one catalog. */
    public static final int CLAUSES = 10_000;
    /** Categories of one catalog, at every depth. */
    public static final int CATEGORIES = 10_000;
    /** Levels of categories, a top-level category being level 1. */
    public static final int DEPTH = 16;
    /** Characters of one text: an id, a title, a note, one item of evidence, one band of a scoring guide. */
    public static final int TEXT = 10_000;
    /** Items of evidence of one clause, and bands of one scoring guide. */
    public static final int ITEMS = 100;
    /** Levels of one grading table. */
    public static final int LEVELS = 100;
    /** Conditions of one grading table, all its levels together. */
    public static final int CONDITIONS = 1_000;

    private Limits() {
    }

    /**
     * Reads a whole resource of a scheme ({@link #RESOURCE_BYTES}); see {@link #read}.
     *
     * @param source the resource, for the message
     */
    public static byte[] readResource(InputStream in, String source) throws IOException {
        return read(in, RESOURCE_BYTES, "a scheme's resource", source);
    }

    /**
     * Reads a whole {@code META-INF/services} file of a plugin ({@link #SERVICE_FILE_BYTES}); see
     * {@link #read}.
     *
     * @param source the jar and the entry, for the message
     */
    public static byte[] readServiceFile(InputStream in, String source) throws IOException {
        return read(in, SERVICE_FILE_BYTES, "a plugin's service file", source);
    }

    /**
     * Reads a whole resource or jar entry, refusing it once it passes {@code limit} bytes: never
     * more than that is inflated or kept, however large it claims or turns out to be (a zip bomb).
     */
    private static byte[] read(InputStream in, int limit, String what, String source) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new LocatedException(source, null, "is larger than " + size(limit) + ", the limit for " + what);
        }
        return bytes;
    }

    /** A scheme declares at most {@link #VARIANTS} variants. */
    public static void variants(int count, String source) {
        if (count > VARIANTS) {
            throw new LocatedException(source, null, "declares " + count + " variants; the limit is " + VARIANTS);
        }
    }

    /**
     * Checks a catalog's size before anything walks it: counts, depth and texts. The walk keeps its
     * own stack and stops at the first limit passed, so a catalog built in code thousands of levels
     * deep, or sharing one category in many places, is refused without a deep recursion or a long
     * count.
     */
    public static void catalog(Catalog catalog, String source) {
        text(catalog.title(), "the catalog's title", source);
        text(catalog.titleEn(), "the catalog's titleEn", source);
        items(catalog.scoringGuide(), "the scoring guide", source);
        record Open(Category category, int depth) {
        }
        Deque<Open> open = new ArrayDeque<>();
        catalog.categories().forEach(c -> open.push(new Open(c, 1)));
        int categories = 0;
        int clauses = 0;
        while (!open.isEmpty()) {
            Open o = open.pop();
            Category c = o.category();
            if (o.depth() > DEPTH) {
                throw new LocatedException(source, null, "category " + shown(c.id()) + " is nested more than " + DEPTH
                        + " levels deep; the limit is " + DEPTH);
            }
            if (++categories > CATEGORIES) {
                throw new LocatedException(source, null, "has more than " + CATEGORIES + " categories; the limit is "
                        + CATEGORIES);
            }
            clauses += c.clauses().size();
            if (clauses > CLAUSES) {
                throw new LocatedException(source, null, "has more than " + CLAUSES + " clauses; the limit is "
                        + CLAUSES);
            }
            String where = "category " + shown(c.id());
            text(c.id(), where + ": its id", source);
            text(c.title(), where + ": its title", source);
            text(c.titleEn(), where + ": its titleEn", source);
            for (Clause cl : c.clauses()) {
                String clause = "clause " + shown(cl.id());
                text(cl.id(), clause + ": its id", source);
                text(cl.title(), clause + ": its title", source);
                text(cl.titleEn(), clause + ": its titleEn", source);
                text(cl.note(), clause + ": its note", source);
                items(cl.requiredEvidence(), clause + ": its requiredEvidence", source);
            }
            c.categories().forEach(sub -> open.push(new Open(sub, o.depth() + 1)));
        }
    }

    /** Checks a grading table's size: levels, conditions, and the texts of its names. */
    public static void grading(GradingTable table, String source) {
        if (table.levels().size() > LEVELS) {
            throw new LocatedException(source, null, "has " + table.levels().size() + " levels; the limit is " + LEVELS);
        }
        int conditions = 0;
        for (Level level : table.levels()) {
            conditions += level.conditions().size();
            String where = "level " + shown(level.id());
            text(level.id(), where + ": its id", source);
            text(level.name(), where + ": its name", source);
            text(level.nameEn(), where + ": its nameEn", source);
        }
        if (conditions > CONDITIONS) {
            throw new LocatedException(source, null, "has " + conditions + " conditions; the limit is " + CONDITIONS);
        }
        text(table.none().name(), "none: its name", source);
        text(table.none().nameEn(), "none: its nameEn", source);
    }

    private static void items(List<String> items, String what, String source) {
        if (items.size() > ITEMS) {
            throw new LocatedException(source, null, what + " has " + items.size() + " items; the limit is " + ITEMS);
        }
        for (String item : items) {
            text(item, what, source);
        }
    }

    private static void text(String text, String what, String source) {
        if (text != null && text.length() > TEXT) {
            throw new LocatedException(source, null, what + " is " + text.length() + " characters long; the limit is "
                    + TEXT);
        }
    }

    /** An id in a message: an id too long to be one is cut, so the message stays one short line. */
    private static String shown(String id) {
        return id.length() <= 40 ? id : id.substring(0, 40) + "…";
    }

    private static String size(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
