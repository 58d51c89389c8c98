package io.github.aftersales.reports;

/**
 * Text from a file (a name, a note) made safe for one line on a terminal. The reports print what
 * assessments say, and the command line prints file names in its messages: both the same way.
 */
public final class Printable {

    private Printable() {
    }

    /**
     * Text for a one-line message on a terminal: control characters (a newline, ESC, NUL, DEL, the
     * C1 set) written as {@code \n} or {@code \\u001b}, so a file name cannot split the line or send
     * escape sequences to the terminal.
     */
    public static String of(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0);
            if (control && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b != null) {
                if (!control) {
                    b.append(c);
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\t') {
                    b.append("\\t");
                } else if (c == '\r') {
                    b.append("\\r");
                } else {
                    b.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return b == null ? text : b.toString();
    }
}
