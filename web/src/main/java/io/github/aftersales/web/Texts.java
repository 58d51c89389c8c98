package io.github.aftersales.web;

import io.javalin.http.Context;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The pages' words in Chinese or English ({@code pages_zh/en.properties}); the standards' texts stay as written.
 * The language is the one asked for with {@code ?lang=}, remembered in a cookie; else the browser's first choice
 * when it is English; else Chinese.
 */
public final class Texts {

    static final String COOKIE = "aftersales_lang";

    private final String lang;
    private final ResourceBundle bundle;

    private Texts(String lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle("io.github.aftersales.web.pages", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Texts ZH = new Texts("zh");
    private static final Texts EN = new Texts("en");

    /** The language of a request, remembering one asked for. */
    static Texts of(Context ctx) {
        String asked = ctx.queryParam("lang");
        if ("zh".equals(asked) || "en".equals(asked)) {
            ctx.header("Set-Cookie", COOKIE + "=" + asked + "; Path=/; Max-Age=31536000; SameSite=Lax");
            return asked.equals("en") ? EN : ZH;
        }
        String kept = ctx.cookie(COOKIE);
        if ("zh".equals(kept) || "en".equals(kept)) {
            return kept.equals("en") ? EN : ZH;
        }
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }

    /** The language's code, {@code zh} or {@code en}. */
    public String lang() {
        return lang;
    }

    /** The text of {@code key}, with its {@code {0}} … filled. */
    public String t(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(args);
    }

    /**
     * The text of {@code key}, or {@code asIs} when the pages have none: a word the register recorded that these pages
     * do not know (a later version's) is shown as recorded.
     */
    public String orAsIs(String key, String asIs) {
        return bundle.containsKey(key) ? bundle.getString(key) : asIs;
    }

    /** The reports' words in this language: the engine's sentences and the grades' names as a report writes them. */
    public io.github.aftersales.reports.Labels labels() {
        return english() ? io.github.aftersales.reports.Labels.EN : io.github.aftersales.reports.Labels.ZH;
    }

    /** A state of an assessment, in words. */
    public String state(String key) {
        return t("state." + key);
    }

    /** Whether the pages are in English. */
    public boolean english() {
        return lang.equals("en");
    }
}
