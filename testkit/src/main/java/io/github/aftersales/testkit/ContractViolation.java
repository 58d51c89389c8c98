package io.github.aftersales.testkit;

/**
 * A contract rule a scheme breaks, and how.
 *
 * @param rule    the rule
 * @param variant the variant it was found in, or {@code null} for the scheme as a whole
 * @param detail  what was found
 */
public record ContractViolation(ContractRule rule, String variant, String detail) {
    @Override
    public String toString() {
        return "[" + rule.title() + "] " + (variant == null ? "" : "variant " + variant + ": ") + detail;
    }
}
