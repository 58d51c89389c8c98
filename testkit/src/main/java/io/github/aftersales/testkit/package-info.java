/**
 * The test kit for scheme authors: {@link io.github.aftersales.testkit.SchemeTestKit} finds a scheme
 * the way the application does and checks its whole contract in one call; {@link
 * io.github.aftersales.testkit.ResultAssert} states what a result must be.
 *
 * <p>Its public types name only the SPI ({@code io.github.aftersales.spi}), the JDK and this package:
 * a scheme's tests never see the engine, which may change between any two versions. Add the kit in
 * test scope; it brings the engine with it, as JUnit's {@code junit-platform-testkit} brings the
 * launcher. Stability: as the SPI's {@code STABLE} types, from 0.1.
 *
 * <pre>{@code
 * @Test
 * void contract() {
 *     SchemeTestKit.scheme("my-scheme").verifyContract();
 * }
 *
 * @Test
 * void oneClauseMissing() {
 *     Result r = SchemeTestKit.scheme("my-scheme").assessment().allConform().notConform("1.2", "no records").evaluate();
 *     ResultAssert.assertThat(r).hasStars(4).lostPointsOn("1.2");
 * }
 * }</pre>
 */
package io.github.aftersales.testkit;
