package io.github.aftersales.reports;

import java.util.Locale;

/** Headings and labels of reports, in Chinese, English, or both; the standards' texts stay as written. */
public enum Labels {
    ZH, EN, BOTH;

    /** The label in this language. */
    public String of(String zh, String en) {
        return switch (this) {
            case ZH -> zh;
            case EN -> en;
            case BOTH -> zh + " " + en;
        };
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
