package io.github.aftersales.reports;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The reports' own words in Chinese, English, or both, from one message bundle per language
 * ({@code messages_zh.properties}, {@code messages_en.properties} beside this class); the standards'
 * texts (titles, grade names) stay as written.
 */
public enum Labels {
    ZH, EN, BOTH;

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle ZH_BUNDLE = bundle(Locale.CHINESE);
    private static final ResourceBundle EN_BUNDLE = bundle(Locale.ENGLISH);

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("io.github.aftersales.reports.messages", locale, NO_FALLBACK);
    }

    /** The words of {@code key} in this language, its {@code {0}}… filled with {@code args}; both: Chinese, then English. */
    public String t(String key, Object... args) {
        return switch (this) {
            case ZH -> format(ZH_BUNDLE, key, args);
            case EN -> format(EN_BUNDLE, key, args);
            case BOTH -> format(ZH_BUNDLE, key, args) + " " + format(EN_BUNDLE, key, args);
        };
    }

    /**
     * Words inside a line (a figure's unit, "of", "note:"): in this language; both: English, as the
     * result's sentences beside them.
     */
    public String inline(String key, Object... args) {
        return format(this == ZH ? ZH_BUNDLE : EN_BUNDLE, key, args);
    }

    private static String format(ResourceBundle bundle, String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 && pattern.indexOf('\'') < 0 ? pattern
                : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /**
     * A sentence of the result (how a clause was scored, why a grade is what it is; the evaluation
     * writes them in English) in this language; both languages: as the result has it.
     */
    public String sentence(String english) {
        return switch (this) {
            case ZH -> Sentences.write(english, ZH_BUNDLE);
            case EN -> Sentences.write(english, EN_BUNDLE);
            case BOTH -> english;
        };
    }

    /**
     * The line naming a reading of the standard a result depended on:
     * {@code read with: cqm.majorComplaintWindow = 24 months (default)}; in both languages, English as the
     * sentences beside it.
     */
    public String readWith(io.github.aftersales.core.evaluation.ReadingUsed u) {
        String value = !u.reading().months() ? u.value()
                : u.value().equals(io.github.aftersales.spi.Reading.NO_WINDOW) ? inline("reading.noWindow")
                        : inline("reading.months", u.value());
        String source = inline(switch (u.source()) {
            case DEFAULT -> "reading.default";
            case ASSESSMENT -> "reading.assessment";
            case COMMAND_LINE -> "reading.commandLine";
        });
        return inline("text.readWith", u.key(), value, source);
    }

    /** A grade's name: as written in the standard, with our English beside it unless Chinese only. */
    public String grade(String name, String nameEn) {
        return this == ZH ? name : name + " (" + nameEn + ")";
    }

    /** A title as written, with our English beside it unless Chinese only. */
    public String title(String title, String titleEn) {
        return this == ZH ? title : title + " / " + titleEn;
    }

    public static Labels parse(String lang) {
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "zh" -> ZH;
            case "en" -> EN;
            case "both", "zh-en" -> BOTH;
            default -> throw new IllegalArgumentException("'" + lang + "' is not one of zh, en, both");
        };
    }
}
