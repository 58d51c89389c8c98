package io.github.aftersales.app.commands;

import io.github.aftersales.spi.SurveillanceRules;
import picocli.CommandLine;

/** {@code --on-serious suspend|revoke}: what a serious event leads to where the standard says "suspend or revoke". */
public final class OnSeriousConverter implements CommandLine.ITypeConverter<SurveillanceRules.Action> {

    /** The option's description, the same on every command that has it. */
    public static final String DESCRIPTION = "suspend or revoke: what a serious event leads to (default: the scheme's;"
            + " for cqm, suspend). The standard says 'suspend or revoke' without saying which. Another name for"
            + " --reading cqm.onSeriousEvent=ACTION (the reading of a scheme that declares one).";

    /**
     * The run's readings with {@code --on-serious} added as the value of each installed variant's
     * on-serious-event reading; a {@code --reading} of that key with another value is a usage error.
     *
     * @throws IllegalArgumentException naming both options when they disagree
     */
    public static java.util.Map<String, String> withReading(java.util.Map<String, String> readings,
            SurveillanceRules.Action onSerious, java.util.Collection<io.github.aftersales.spi.Scheme> installed) {
        if (onSerious == null) {
            return readings;
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>(readings);
        for (io.github.aftersales.spi.Scheme s : installed) {
            for (io.github.aftersales.spi.Variant v : s.variants()) {
                String key = v.surveillance() == null ? null : v.surveillance().onSeriousEventReading();
                if (key == null) {
                    continue;
                }
                String given = out.putIfAbsent(key, onSerious.key());
                if (given != null && !given.equals(onSerious.key())) {
                    throw new IllegalArgumentException("--on-serious " + onSerious.key() + " and --reading " + key + "="
                            + given + " disagree; --on-serious is another name for that reading: give one");
                }
            }
        }
        return out;
    }

    @Override
    public SurveillanceRules.Action convert(String value) {
        return switch (value) {
            case "suspend" -> SurveillanceRules.Action.SUSPEND;
            case "revoke" -> SurveillanceRules.Action.REVOKE;
            default -> throw new CommandLine.TypeConversionException("--on-serious is suspend or revoke, not '" + value
                    + "'");
        };
    }
}
