/**
 * The scheme SPI: everything a certification scheme module implements or returns.
 *
 * <p>A scheme module implements {@link io.github.aftersales.spi.Scheme} (usually by extending
 * {@link io.github.aftersales.core.ResourceScheme}, which reads the scheme from JSON resources) and
 * lists the implementing class in {@code META-INF/services/io.github.aftersales.spi.Scheme}. The
 * application finds it with {@link java.util.ServiceLoader}.
 *
 * <p>All value types here are immutable records, validated in their constructors; collections are
 * copied. Nothing in this package refers to the application. A scheme holds data only: its
 * catalogs (criteria with points) and grading tables (ordered levels with conditions). Scoring and
 * grading are done by core, one engine for every scheme.
 *
 * <p>Stability: this package is the contract with third-party schemes, at version 0.x while the
 * first schemes are written: it may still change between minor versions, and each change is
 * listed in the release notes. Interfaces grow by default methods; records are values the
 * platform builds or reads from resources, so schemes rarely construct them directly.
 */
package io.github.aftersales.spi;
