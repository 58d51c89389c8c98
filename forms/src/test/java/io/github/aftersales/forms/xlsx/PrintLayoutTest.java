package io.github.aftersales.forms.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many lines a cell's text takes, worked out by hand (LibreOffice's pages are checked in app's FormPrintTest). */
class PrintLayoutTest {

    @Test
    void aWideCharacterIsTwoWidthsAndEachParagraphStartsALine() {
        // a column of 11 characters leaves 10 for text: five Chinese characters, or ten Latin ones
        assertThat(PrintLayout.lines("一二三四五", 11)).isEqualTo(1);
        assertThat(PrintLayout.lines("一二三四五六", 11)).isEqualTo(2);
        assertThat(PrintLayout.lines("abcdefghij", 11)).isEqualTo(1);
        assertThat(PrintLayout.lines("abcdefghijk", 11)).isEqualTo(2);
        // full-width punctuation is wide too: （1分） is 2 + 1 + 2 + 2 widths
        assertThat(PrintLayout.lines("（1分）abc", 11)).isEqualTo(1);
        assertThat(PrintLayout.lines("（1分）abcd", 11)).isEqualTo(2);
        assertThat(PrintLayout.lines("a\nb\n\nc", 11)).isEqualTo(4);
        assertThat(PrintLayout.lines("", 11)).isEqualTo(1);
        // a character outside the basic plane (𠀀, U+20000) counts once, as two widths
        assertThat(PrintLayout.lines("𠀀𠀀𠀀𠀀𠀀", 11)).isEqualTo(1);
        assertThat(PrintLayout.wide('A')).isFalse();
        assertThat(PrintLayout.wide('。')).isTrue();
    }
}
