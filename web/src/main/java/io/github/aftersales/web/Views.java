package io.github.aftersales.web;

import java.util.List;

/** What each page shows: plain values, so the templates hold no logic beyond loops and choices. */
public final class Views {

    private Views() {
    }

    /** Who is signed in, and the token their forms carry. */
    public record Session(String account, String role, String csrf) {
    }

    public record SignIn(Texts t, String account, String message) {
    }

    /** A row of the assessment list. */
    public record Row(long id, String organisation, String scheme, String state, String assignedTo, int revision,
            String savedAt) {
    }

    /** A scheme and variant one can make an assessment of. */
    public record Choice(String value, String label) {
    }

    public record AssessmentList(Texts t, Session session, List<Row> rows, List<Choice> choices, boolean manager,
            String state) {
    }

    /** A clause of the checklist as the auditor fills it. */
    public record Line(String field, String id, String title, String points, List<String> evidence, String result,
            String score, String note) {
    }

    /** A part of the checklist: one scheme's clauses, in the standard's order. */
    public record Part(String title, List<Line> lines) {
    }

    /** The score panel: the grade, the total and why it is not higher; or why it cannot be graded yet. */
    public record Panel(Texts t, String grade, String total, List<String> reasons, List<String> lost, String problem,
            String message, int revision, boolean oob) {

        /** The same panel for a page still on {@code revision}: its next save is refused until it is reloaded. */
        public Panel withRevision(int revision) {
            return new Panel(t, grade, total, reasons, lost, problem, message, revision, oob);
        }
    }

    /**
     * @param reviewable whether the caller decides on it now (a manager, the assessment submitted)
     * @param certificate the certificate an approval recorded, or {@code null}
     * @param message     what the last action said (a refusal), or empty
     */
    public record Checklist(Texts t, Session session, long id, String organisation, String scheme, String state,
            boolean editable, boolean reviewable, String comments, String certificate, String date, String assessor,
            List<Part> parts, Panel panel, String message) {
    }
}
