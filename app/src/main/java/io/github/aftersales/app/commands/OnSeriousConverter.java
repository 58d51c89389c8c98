package io.github.aftersales.app.commands;

import io.github.aftersales.spi.SurveillanceRules;
import picocli.CommandLine;

/** {@code --on-serious suspend|revoke}: what a serious event leads to where the standard says "suspend or revoke". */
public final class OnSeriousConverter implements CommandLine.ITypeConverter<SurveillanceRules.Action> {

    /** The option's description, the same on every command that has it. */
    public static final String DESCRIPTION = "suspend or revoke: what a serious event leads to (default: the scheme's;"
            + " for cqm, suspend). The standard says 'suspend or revoke' without saying which.";

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
