/**
 * The test kit for scheme authors: {@link io.github.aftersales.testkit.SchemeTestKit} finds a scheme
 * the way the application does and checks its whole contract in one call; {@link
 * io.github.aftersales.testkit.ResultAssert} states what a result must be.
 *
 * <pre>{@code
 * @Test
 * void contract() {
 *     SchemeTestKit.scheme("my-scheme").verifyContract();
 * }
 *
 * @Test
 * void oneClauseMissing() {
 *     SchemeResult r = SchemeTestKit.scheme("my-scheme").assessment().allConform().notConform("1.2", "no records").evaluate();
 *     ResultAssert.assertThat(r).hasStars(4).lostPointsOn("1.2");
 * }
 * }</pre>
 */
package io.github.aftersales.testkit;
