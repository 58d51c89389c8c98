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
            List<Row> rows, String next, String first, String export, String problem) {
    }

    /** One entry of a certificate's history. */
    public record Entry(int seq, String date, String kind, String decision, String state, String grade,
            String assessment, List<String> reasons, String recorded) {
    }

    /**
     * A certificate and its history; {@code decidable} when an evaluation or an incident may be recorded on it (not
     * revoked); the event types an incident may be of; why the last decision sent was not recorded.
     */
    public record CertificatePage(Texts t, Views.Session session, long number, String label, String organisation,
            String scheme, String issuedOn, String recorded, String state, String grade, String cycleStart,
            String lastEvaluation, List<Entry> history, boolean decidable, List<Option> eventTypes, Problem problem) {
    }

    /**
     * Why a decision sent from a certificate's page was not recorded: {@code form} is the form it came from
     * ({@code surveil}, {@code reevaluate} or {@code incident}), {@code message} what to say beside it; an incident's
     * fields as typed, to be shown again.
     */
    public record Problem(String form, String message, String type, String date, String note) {
        static final Problem NONE = new Problem("", null, "", "", "");

        /** The message when it is about {@code which} form, else {@code null}. */
        public String in(String which) {
            return form.equals(which) ? message : null;
        }
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
