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
    /**
     * @param grade the grade of its latest revision as the score panel showed it when saved, or "—"
     * @param total that revision's total of the points declared, or "—"
     */
    public record Row(long id, String organisation, String scheme, String state, String assignedTo, int revision,
            String savedAt, String grade, String total) {
    }

    /** A scheme and variant one can make an assessment of. */
    public record Choice(String value, String label) {
    }

    public record AssessmentList(Texts t, Session session, List<Row> rows, List<Choice> choices, boolean manager,
            String state) {
    }

    /**
     * A clause of the checklist as the auditor fills it: a result, and its score given as points, as samples
     * checked and not conforming, or as a percentage (one of the three).
     *
     * @param heading the top-level category this clause opens (its id and title), or empty when it continues one
     * @param files   the evidence files attached to it
     */
    public record Line(String field, String id, String title, String points, List<String> evidence, String result,
            String score, String note, String heading, String checked, String nonConforming, String percent,
            List<File> files) {
    }

    /**
     * An evidence file as listed under its clause.
     *
     * @param href     its download (always an attachment)
     * @param uploaded who uploaded it and when
     */
    public record File(String href, String name, String size, String sha256, String uploaded) {
    }

    /**
     * A part of the checklist: one scheme's clauses, in the standard's order, with the facts and dated events its
     * variant takes (CQM), and the guide to scoring by percentage (ZG025 Table 1).
     *
     * @param index      the part's place in the assessment, the prefix of its fields
     * @param eventTypes the event types the variant declares, for a new event
     * @param attributes every true/false attribute of those types, for a new event
     */
    public record Part(int index, String title, List<Line> lines, List<String> scoringGuide, List<Fact> facts,
            List<Choice> eventTypes, List<String> attributes, List<Event> events) {
    }

    /**
     * A fact the variant takes: {@code type} is the SPI's key ({@code percent}, {@code count}, {@code number},
     * {@code date}, {@code choice}); {@code values} the words of a choice.
     */
    public record Fact(String field, String label, String type, List<String> values, String value) {
    }

    /** A dated event the assessment lists, its true/false attributes as stated ({@code true}, {@code false} or empty). */
    public record Event(String field, String type, String date, List<Attribute> attributes, String note) {
    }

    public record Attribute(String field, String name, String value) {
    }

    /** The score panel: the grade, the total and why it is not higher; or why it cannot be graded yet. */
    public record Panel(Texts t, String grade, String total, List<String> reasons, List<String> lost,
            List<io.github.aftersales.reports.PlanReport.NextLevel> next, String problem, String message, int revision,
            boolean oob) {

        /** The same panel for a page still on {@code revision}: its next save is refused until it is reloaded. */
        public Panel withRevision(int revision) {
            return new Panel(t, grade, total, reasons, lost, next, problem, message, revision, oob);
        }
    }

    /**
     * @param reviewable whether the caller decides on it now (a manager, the assessment submitted)
     * @param certificate the certificate an approval recorded, or {@code null}
     * @param message     what the last action said (a refusal), or empty
     * @param evidenceLimits the most an evidence file and an assessment's files may be, in words
     */
    public record Checklist(Texts t, Session session, long id, String organisation, String scheme, String state,
            boolean editable, boolean reviewable, String comments, String certificate, String date, String assessor,
            List<Part> parts, Panel panel, String message, String evidenceLimits) {
    }
}
