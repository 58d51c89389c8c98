/**
 * Books of assessments: reading files, folders and NDJSON one assessment at a time, evaluating them
 * in order on several threads, and generating realistic books for load tests and benchmarks.
 *
 * <p>Depends on core (the reader, the engine, the SPI) and Jackson only; the application's
 * {@code evaluate} and {@code generate} and the benchmarks use it.
 */
package io.github.aftersales.batch;
