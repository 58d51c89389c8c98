package com.example.aftersales.desk;

import io.github.aftersales.spi.ResourceScheme;

/**
 * An example scheme for a complaint desk. AN ILLUSTRATION, NOT A REAL STANDARD: its clauses, points
 * and levels were made up to show a grading table that needs more than the built-in conditions: a
 * minimum number of sampled records, a weighted average of the score and a survey, a rate of two
 * stated counts and one checklist item's result. Everything it says is in
 * {@code schemes/example-complaint-desk/}; this class only names that folder.
 */
public final class ComplaintDeskScheme extends ResourceScheme {
    public ComplaintDeskScheme() {
        super("schemes/example-complaint-desk");
    }
}
