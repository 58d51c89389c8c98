/**
 * The scheme SPI: everything a certification scheme implements or returns, and all that a plugin
 * jar sees of the platform.
 *
 * <p>A scheme module implements {@link io.github.aftersales.spi.Scheme}, almost always by extending
 * {@link io.github.aftersales.spi.ResourceScheme}, which hands its JSON resources to the platform to
 * read, and lists the class in {@code META-INF/services/io.github.aftersales.spi.Scheme}. The
 * application finds it with {@link java.util.ServiceLoader}; a plugin jar's class loader shares this
 * package, and only this package, with the application.
 *
 * <p>All value types here are immutable records, validated in their constructors; collections are
 * copied. This package depends on nothing but the JDK and refers to nothing of the application. A
 * scheme holds data only: its catalogs (criteria with points) and grading tables (ordered levels
 * with conditions). Scoring and grading are done by the platform, one engine for every scheme.
 *
 * <p>Stability: every public type carries {@link io.github.aftersales.spi.Api} with its status and
 * the version that introduced it; a nested type shares its enclosing type's. Before 1.0,
 * {@code STABLE} means a change comes only after a deprecation of at least one minor version, and
 * {@code EXPERIMENTAL} (conditions, facts and events, surveillance and cycles, which the next
 * releases extend) may change in any minor version, each change listed in the release notes.
 *
 * @since 0.1
 */
package io.github.aftersales.spi;
