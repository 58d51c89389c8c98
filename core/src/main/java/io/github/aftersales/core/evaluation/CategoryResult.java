package io.github.aftersales.core.evaluation;

import java.math.BigDecimal;

/**
 * A category's figures.
 *
 * @param id               category id
 * @param title            title as written
 * @param titleEn          English title
 * @param depth            0 for a top-level category
 * @param points           the points the standard gives it
 * @param applicablePoints its points less those of excluded clauses
 * @param score            the points awarded
 * @param percent          score / applicable points × 100, or {@code null} when nothing in it applies
 */
public record CategoryResult(
        String id, String title, String titleEn, int depth, BigDecimal points, BigDecimal applicablePoints,
        BigDecimal score, BigDecimal percent) {
}
