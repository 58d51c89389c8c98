package io.github.aftersales.records;

/** Text from an export made safe for where it goes. */
public final class Text {

    private Text() {
    }

    /**
     * A control character (ESC, NUL, DEL, C1), which a terminal would obey, as U+FFFD; tab and line
     * breaks as a space.
     */
    public static String printable(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029';
            if (control && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(!control ? c : c == '\t' || c == '\n' || c == '\r' ? ' ' : '\uFFFD');
            }
        }
        return b == null ? s : b.toString();
    }

    /** HTML-escaped, controls as {@link #printable} makes them. */
    static String html(String s) {
        String p = printable(s);
        StringBuilder b = new StringBuilder(p.length() + 8);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
