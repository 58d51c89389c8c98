package io.github.aftersales.web;

import java.util.List;

/** What the register's pages show: plain values, each text already in the page's language where it has one. */
public final class RegisterViews {

    private RegisterViews() {
    }

    /** A choice of a filter: its value and what it reads. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A certificate as a row of the list. */
    public record Row(long number, String reference, String organisation, String scheme, String state, String grade,
            String issuedOn) {
    }

    /**
     * The list: the filters as asked, a page of rows, and the addresses of the next and the first page ({@code null}
     * when there is none); {@code problem} says why a filter is not one.
     */
    public record ListPage(Texts t, Views.Session session, String q, List<Option> states, List<Option> schemes,
            List<Row> rows, String next, String first, String problem) {
    }

    /** One entry of a certificate's history. */
    public record Entry(int seq, String date, String kind, String decision, String state, String grade,
            String assessment, List<String> reasons, String recorded) {
    }

    /**
     * A certificate and its history; {@code decidable} when a surveillance may be recorded on it (not revoked), with
     * why the last one sent was not ({@code problem}, or {@code null}).
     */
    public record CertificatePage(Texts t, Views.Session session, long number, String label, String organisation,
            String scheme, String issuedOn, String recorded, String state, String grade, String cycleStart,
            String lastEvaluation, List<Entry> history, boolean decidable, String problem) {
    }

    /** An evaluation due. */
    public record Due(boolean overdue, String due, String what, long number, String label, String organisation,
            String scheme, String state, String grade, String basis) {
    }

    /** A certificate no schedule applies to, and why. */
    public record Unscheduled(long number, String label, String organisation, String why) {
    }

    public record DuePage(Texts t, Views.Session session, int months, int maxMonths, String on, String today,
            Iterable<Due> items, int count, List<Unscheduled> unscheduled, long overdue, String problem) {
    }

    /** A page that says one thing: a certificate not found, a filter that is not one. */
    public record Notice(Texts t, Views.Session session, String title, String message) {
    }
}
