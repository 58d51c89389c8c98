package io.github.aftersales.spi;

/**
 * What a category holds: a clause or a sub-category. {@link Category#children()} lists them in the
 * standard's order, clauses and sub-categories interleaved as the standard prints them.
 *
 * @since 0.2
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public sealed interface CatalogItem permits Clause, Category {

    /** The id exactly as printed in the standard. */
    String id();

    /** The title as written (Chinese). */
    String title();

    /** Our English title. */
    String titleEn();
}
