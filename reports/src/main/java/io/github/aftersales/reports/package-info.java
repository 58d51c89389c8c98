/**
 * The result contract and its renderers: the JSON result ({@code docs/result.schema.json}), text,
 * Markdown and HTML reports, a surveillance decision and a batch's summary.
 *
 * <p>Depends on core's results and the SPI (and Jackson) only, never on the command line or the
 * register; the application uses it and hands the register the JSON of a result.
 */
package io.github.aftersales.reports;
