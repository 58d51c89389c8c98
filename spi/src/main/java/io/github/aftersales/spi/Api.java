package io.github.aftersales.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How far a public type of this package may be relied on, and since which version it exists, in
 * the manner of JUnit's {@code @API}. Every public type of the package carries it (a test checks).
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Api {

    /** How the type may change. */
    Status status();

    /** The platform version that introduced the type in its present form, e.g. {@code 0.1}. */
    String since();

    /** The promise made about a type. */
    enum Status {
        /**
         * Changed only after it has been deprecated for at least one minor version; interfaces grow by
         * default methods, records by new accessors with a constructor kept for the old components.
         */
        STABLE,
        /**
         * New, and may change in any minor version while the first schemes use it; each change is in
         * the release notes.
         */
        EXPERIMENTAL
    }
}
