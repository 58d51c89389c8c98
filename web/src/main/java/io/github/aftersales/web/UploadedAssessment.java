package io.github.aftersales.web;

import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.GradingRoutes;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * An assessment file chosen on a page (a surveillance, or filling an assessment): its name as the person knows it,
 * its kind told by the name's ending (JSON, YAML or a filled xlsx form), its bytes; and a problem in it said with
 * that name and the place.
 */
record UploadedAssessment(String name, String type, byte[] bytes) {

    /**
     * The file in the form's {@code field}.
     *
     * @throws ApiError 400 when none was chosen ({@code noFile}, said in the page's words), 415 for another kind
     */
    static UploadedAssessment from(Context ctx, String field, Texts t, String noFile) throws IOException {
        UploadedFile file = ctx.uploadedFile(field);
        if (file == null || file.size() == 0) {
            throw new ApiError(400, "bad-input", noFile);
        }
        if (file.size() > io.github.aftersales.service.ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES) {
            // a page's form may carry an evidence file, larger: an assessment file is held to the API's own limit
            throw new ApiError(413, "too-large", file.filename() + ": an assessment file is at most "
                    + (io.github.aftersales.service.ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES >> 20) + " MiB");
        }
        String name = file.filename() == null ? "" : file.filename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".json") ? GradingRoutes.JSON
                : lower.endsWith(".yaml") || lower.endsWith(".yml") ? GradingRoutes.YAML
                : lower.endsWith(".xlsx") ? GradingRoutes.XLSX : null;
        if (type == null) {
            throw new ApiError(415, "unsupported-media-type", t.t("register.surveil.type", name));
        }
        try (InputStream in = file.content()) {
            return new UploadedAssessment(name, type, in.readAllBytes());
        }
    }

    /** What a page says of a refusal: a problem in the file with the file's name and its line and column. */
    static String problem(ApiError e, String name, Texts t) {
        String place = e.position() == null ? "" : t.t("register.surveil.at", e.position().line(),
                e.position().column());
        // the register's refusals of a file start with its name already: not said twice
        return "request body".equals(e.source()) && !(place.isEmpty() && e.getMessage().startsWith(name + ": "))
                ? t.t("register.surveil.problem", name, place, e.getMessage())
                : e.getMessage();
    }
}
