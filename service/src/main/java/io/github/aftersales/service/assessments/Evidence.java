package io.github.aftersales.service.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ChangeLog;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Evidence files attached to the clauses of an assessment, whoever asks (the JSON API, the pages): the same access as
 * the assessment (a manager reads every one's, an auditor only their own's, another's being "no such assessment"), and
 * only its auditor adds or removes them while it is editable. A file is kept as its bytes with its SHA-256, within a
 * size per file and per assessment; it is only ever sent back as a download ({@link #send}): never shown inline, never
 * run.
 */
public final class Evidence {

    /**
     * The most one file and all the files of one assessment may be.
     *
     * @param perFile       bytes of one file
     * @param perAssessment bytes of all the files of one assessment together
     */
    public record Limits(long perFile, long perAssessment) {
        /** 20 MiB a file (a scanned document, a photograph), 200 MiB an assessment. */
        public static final Limits DEFAULTS = new Limits(20L << 20, 200L << 20);

        public Limits {
            if (perFile < 1 || perAssessment < perFile) {
                throw new IllegalArgumentException("an evidence file may be at least one byte, and an assessment's"
                        + " files together at least one file");
            }
            if (perFile > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("an evidence file is held in memory: at most 2 GiB");
            }
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What a file's name is cut to, in characters. */
    static final int MAX_NAME = 255;

    private final Assessments assessments;
    private final EvidenceStore store;
    private final ChangeLog changes;
    private final Limits limits;

    public Evidence(Assessments assessments, EvidenceStore store, ChangeLog changes, Limits limits) {
        this.assessments = assessments;
        this.store = store;
        this.changes = changes;
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** The files of an assessment the caller may see, oldest first. */
    public List<EvidenceStore.File> list(Caller who, String assessment) {
        return store.list(assessments.visible(who, assessment).id());
    }

    /** The files of an assessment already read (and so visible to the caller). */
    public List<EvidenceStore.File> list(AssessmentStore.Stored assessment) {
        return store.list(assessment.id());
    }

    /** A file of an assessment the caller may see, with its bytes; 404 {@code no-such-evidence} when it has none. */
    public EvidenceStore.Content find(Caller who, String assessment, String file) {
        AssessmentStore.Stored s = assessments.visible(who, assessment);
        return store.find(s.id(), number(file)).orElseThrow(() -> noSuchFile(s.id(), file));
    }

    /**
     * Reads an uploaded file's bytes, at most one file's limit: 413 {@code too-large}, saying the limit, beyond it.
     */
    public byte[] read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes((int) limits.perFile() + 1);
            if (bytes.length > limits.perFile()) {
                throw tooLargeFile();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a file to a clause of the caller's assessment.
     *
     * @param part         the scheme part of the assessment the clause is in (0 unless combined)
     * @param clause       the clause's id, as the assessment lists it
     * @param name         the file's name as uploaded (kept as given, control and format characters replaced: {@link
     *                     #fileName})
     * @param declaredType the media type the uploader declared, kept as declared (never used to send it back)
     * @throws ApiError 404 for an assessment the caller may not see; 403 for a manager; 409 when it is no longer
     *                  editable; 400 for a clause it does not list or an empty file; 413 beyond a limit
     */
    public EvidenceStore.File add(Caller who, String assessment, int part, String clause, String name,
            String declaredType, byte[] bytes, String origin) {
        AssessmentStore.Stored s = writable(who, assessment);
        if (clause == null || clause.isBlank()) {
            throw new ApiError(400, "bad-input", "clause: say which clause the file is evidence for");
        }
        clause = clause.strip();
        // a clause of the scheme's catalog, which the assessment lists: a draft's content is the auditor's to write
        if (!assessments.catalogLists(s, part, clause) || !lists(s, part, clause)) {
            throw new ApiError(400, "bad-input", "clause: assessment " + s.id() + " has no clause " + clause
                    + (part == 0 ? "" : " in its part " + part));
        }
        if (bytes.length == 0) {
            throw new ApiError(400, "bad-input", "the file is empty");
        }
        if (bytes.length > limits.perFile()) {
            throw tooLargeFile();
        }
        String kept = fileName(name);
        EvidenceStore.File added;
        try {
            // the file and its change-log line commit together, or neither does
            String where = clause;
            added = store.add(s.id(), part, clause, kept, mediaType(declaredType), bytes, who.account(),
                    limits.perAssessment(), (h, f) -> changes.record(h, new Accounts.Actor(who.account(), origin),
                            "added evidence file " + f.id() + " (" + f.name() + ", " + f.size() + " bytes, SHA-256 "
                            + f.sha256() + ") to clause " + where + " of assessment " + s.id()));
        } catch (EvidenceStore.NotEditable e) {
            // submitted while the file was being uploaded
            throw notEditable(s.id(), e.state());
        } catch (EvidenceStore.Full full) {
            throw new ApiError(413, "too-large", "assessment " + s.id() + " keeps at most " + size(limits.perAssessment())
                    + " of evidence files; it holds " + size(full.held()) + " and " + kept + " is " + size(bytes.length)
                    + ": remove a file first");
        }
        return added;
    }

    /**
     * The assessment, when the caller may change its evidence files: asked before a file is read.
     *
     * @throws ApiError 404 for an assessment the caller may not see; 403 for a manager; 409 when not editable
     */
    public AssessmentStore.Stored writable(Caller who, String assessment) {
        AssessmentStore.Stored s = assessments.visible(who, assessment);
        editableBy(who, s);
        return s;
    }

    /** Removes a file of the caller's assessment while it is editable; the change log keeps its name and SHA-256. */
    public EvidenceStore.File remove(Caller who, String assessment, String file, String origin) {
        AssessmentStore.Stored s = writable(who, assessment);
        EvidenceStore.File removed;
        try {
            // the deletion and its change-log line commit together, or neither does
            removed = store.remove(s.id(), number(file), (h, r) -> changes.record(h,
                    new Accounts.Actor(who.account(), origin), "removed evidence file " + r.id() + " (" + r.name()
                    + ", SHA-256 " + r.sha256() + ") from clause " + r.clause() + " of assessment " + s.id()))
                    .orElseThrow(() -> noSuchFile(s.id(), file));
        } catch (EvidenceStore.NotEditable e) {
            throw notEditable(s.id(), e.state());
        }
        return removed;
    }

    /**
     * Sends a file as a download and nothing else: {@code application/octet-stream} whatever was declared,
     * {@code Content-Disposition: attachment} with its name (RFC 6266: an ASCII {@code filename} and the UTF-8
     * {@code filename*}), {@code X-Content-Type-Options: nosniff}, and a sandbox that lets nothing run should a browser
     * open it all the same.
     */
    public static void send(Context ctx, EvidenceStore.Content content) {
        ctx.header("Content-Disposition", contentDisposition(content.file().name()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        // RFC 9530: the SHA-256 of the bytes sent, which a client checks against the listing's
        ctx.header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(
                java.util.HexFormat.of().parseHex(content.file().sha256())) + ":");
        ctx.contentType("application/octet-stream").result(content.bytes());
    }

    /**
     * The {@code Content-Disposition} of a download (RFC 6266): {@code attachment}, the name in plain ASCII with
     * anything else (quotes, backslashes, separators, control characters, non-ASCII) as {@code _}, and the whole name
     * as UTF-8, percent-encoded, in {@code filename*}.
     */
    public static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/'
                && c != ';' && c != '%' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        // URLEncoder leaves * . - _ as they are; RFC 5987's attr-char has no '*'
        encoded = encoded.replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /**
     * A file's name as kept: as given, but control and format characters as {@code _} (a right-to-left override could
     * make {@code fdp.exe} read {@code exe.pdf}), at most {@value #MAX_NAME} UTF-16 units (a character beyond the basic
     * plane, an emoji, counts two) and never cut within a character; {@code evidence} when nothing
     * is left. It is escaped where it is shown, and made safe in a download's header ({@link #contentDisposition}).
     */
    public static String fileName(String given) {
        String name = given == null ? "" : given;
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE) {
                kept.append('_');
            } else {
                kept.appendCodePoint(c);
            }
        });
        String stripped = kept.toString().strip();
        if (stripped.isEmpty()) {
            return "evidence";
        }
        if (stripped.length() > MAX_NAME) {
            // in UTF-16 units, as H2 counts a VARCHAR's length (PostgreSQL counts characters: fewer), never within one
            int cut = Character.isLowSurrogate(stripped.charAt(MAX_NAME)) ? MAX_NAME - 1 : MAX_NAME;
            stripped = stripped.substring(0, cut);
        }
        return stripped;
    }

    /**
     * The declared media type as kept: as declared (lower case, at most 200 characters of the form {@code type/subtype}
     * with its parameters), else {@code application/octet-stream}.
     */
    static String mediaType(String declared) {
        if (declared == null) {
            return "application/octet-stream";
        }
        String type = declared.strip().toLowerCase(Locale.ROOT);
        if (type.length() > 200 || !type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+( *;[ -~]*)?")) {
            return "application/octet-stream";
        }
        return type;
    }

    /** A size as people read it: {@code 532 bytes}, {@code 12.3 KiB}, {@code 20 MiB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double kib = bytes / 1024.0;
        if (kib < 1024) {
            return decimal(kib) + " KiB";
        }
        double mib = kib / 1024;
        return mib < 1024 ? decimal(mib) + " MiB" : decimal(mib / 1024) + " GiB";
    }

    private static String decimal(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private ApiError tooLargeFile() {
        return new ApiError(413, "too-large", "an evidence file is at most " + size(limits.perFile())
                + "; this one is larger");
    }

    private static void editableBy(Caller who, AssessmentStore.Stored s) {
        if (who.role() != Role.AUDITOR) {
            throw new ApiError(403, "forbidden", "only the auditor an assessment is assigned to adds or removes its"
                    + " evidence files");
        }
        if (!s.state().editable()) {
            throw notEditable(s.id(), s.state());
        }
    }

    private static ApiError notEditable(long id, AssessmentStore.State state) {
        return new ApiError(409, "not-a-draft", "assessment " + id + " is " + state.key()
                + ": its evidence files can no longer be changed");
    }

    /** Whether part {@code part} of the assessment lists the clause {@code clause}. */
    private static boolean lists(AssessmentStore.Stored s, int part, String clause) {
        JsonNode content;
        try {
            content = MAPPER.readTree(s.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode findings = content.path("schemes").path(part).path("findings");
        for (JsonNode f : findings) {
            if (clause.equals(f.path("id").asText(null))) {
                return true;
            }
        }
        return false;
    }

    private static long number(String file) {
        try {
            return Long.parseLong(file);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ApiError noSuchFile(long assessment, String file) {
        return new ApiError(404, "no-such-evidence", "assessment " + assessment + " has no evidence file " + file);
    }
}
