package io.github.aftersales.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.WriterOutput;
import io.github.aftersales.service.ApiServer;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.SessionCookie;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** What the register's and the admin's pages share: the compiled templates, and who is signed in. */
final class Html {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private Html() {
    }

    /** Who is signed in, and the CSRF token their forms carry. */
    static Views.Session session(Context ctx, Caller who) {
        String secret = ctx.cookie(SessionCookie.NAME);
        return new Views.Session(who.account(), who.role().key(), secret == null ? "" : SessionCookie.csrfToken(secret));
    }

    /** The page rendered whole, then sent. */
    static void page(Context ctx, int status, String template, Object model) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(template, model, out);
        if (status >= 400) {
            ApiServer.answeredHere(ctx); // the page, not the API's error body
        }
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** The page sent as it is rendered: for a long one (every item due), never held whole in memory. */
    static void streamed(Context ctx, String template, Object model) {
        ctx.status(200).contentType("text/html; charset=utf-8");
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
            TEMPLATES.render(template, model, new WriterOutput(out));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
