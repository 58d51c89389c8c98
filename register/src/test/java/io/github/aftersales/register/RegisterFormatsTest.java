package io.github.aftersales.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells as RFC 4180 and a spreadsheet need them. */
class RegisterFormatsTest {

    @Test
    void cellsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(RegisterFormats.csv("示例电器有限公司")).isEqualTo("示例电器有限公司");
        assertThat(RegisterFormats.csv("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
        assertThat(RegisterFormats.csv("the \"best\" service")).isEqualTo("\"the \"\"best\"\" service\"");
        assertThat(RegisterFormats.csv("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(RegisterFormats.csv(null)).isEmpty();
    }

    @Test
    void formulasAreNotRunBySpreadsheets() {
        assertThat(RegisterFormats.csv("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(RegisterFormats.csv("+1")).isEqualTo("'+1");
        assertThat(RegisterFormats.csv("-")).isEqualTo("'-");
        assertThat(RegisterFormats.csv("@sum")).isEqualTo("'@sum");
    }
}
