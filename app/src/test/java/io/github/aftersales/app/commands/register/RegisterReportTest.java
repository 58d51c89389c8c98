package io.github.aftersales.app.commands.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells as RFC 4180 and a spreadsheet need them. */
class RegisterReportTest {

    @Test
    void cellsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(RegisterReport.csv("示例电器有限公司")).isEqualTo("示例电器有限公司");
        assertThat(RegisterReport.csv("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
        assertThat(RegisterReport.csv("the \"best\" service")).isEqualTo("\"the \"\"best\"\" service\"");
        assertThat(RegisterReport.csv("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(RegisterReport.csv(null)).isEmpty();
    }

    @Test
    void formulasAreNotRunBySpreadsheets() {
        assertThat(RegisterReport.csv("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(RegisterReport.csv("+1")).isEqualTo("'+1");
        assertThat(RegisterReport.csv("-")).isEqualTo("'-");
        assertThat(RegisterReport.csv("@sum")).isEqualTo("'@sum");
    }
}
