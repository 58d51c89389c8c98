package io.github.aftersales.core.evaluation;

import java.util.Locale;

/**
 * Whether a note says anything a reader can see. A note made only of a zero-width space or an
 * ideographic space looks empty on screen and on paper, so it gives no reason (issue 18).
 */
final class Notes {

    private Notes() {
    }

    /** True when no character of {@code text} can be seen (an empty text included). */
    static boolean saysNothing(String text) {
        return text.codePoints().allMatch(Notes::invisible);
    }

    /** The distinct code points of {@code text} as {@code U+200B}, at most five, for a message. */
    static String codes(String text) {
        java.util.List<String> codes = text.codePoints().distinct().limit(6)
                .mapToObj(cp -> String.format(Locale.ROOT, "U+%04X", cp)).toList();
        return codes.size() <= 5 ? String.join(", ", codes) : String.join(", ", codes.subList(0, 5)) + ", …";
    }

    /**
     * White space of every kind (U+0020, U+00A0, U+3000), controls, format characters (U+200B zero-width
     * space, U+200C/D joiners, U+200E/F and U+202A–E direction marks, U+2060 word joiner, U+FEFF), and
     * the other default-ignorable or blank characters that draw nothing: variation selectors, the Hangul
     * fillers, U+034F, U+2800 (a blank Braille cell, a known "invisible character").
     */
    static boolean invisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL) {
            return true;
        }
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || cp >= 0x180B && cp <= 0x180F || cp == 0x2800 || cp == 0x3164 || cp >= 0xFE00 && cp <= 0xFE0F
                || cp == 0xFFA0 || cp >= 0xE0100 && cp <= 0xE01EF;
    }
}
