package io.github.aftersales.app.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.Provenance;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.reports.Printable;
import io.github.aftersales.spi.Scheme;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify RESULT [INPUT]}: derives a JSON result again from its input, with the choices its
 * provenance records, and says whether it matches; if not, what differs: the input (its digest), the
 * catalog (the scheme data's digest), the program (its version, and the result derived now), or the
 * result itself (altered after it was written). docs/result.schema.json, {@code provenance}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check a JSON result ('evaluate --format json' or ndjson): evaluate its input again with the"
                + " choices its provenance records and say whether the result matches; if not, what differs: the input"
                + " (its SHA-256), the scheme's catalog (its digest), the program (its version, and what it derives"
                + " now), or the result itself (edited after it was written). Exit 0 when every result matches; 10 the"
                + " input changed, 11 a catalog changed, 12 the program changed and derives another result, 13 the"
                + " result differs from what its input derives (the lowest of those found); with --key, 14 when its"
                + " signature RESULT.jws is missing or does not hold."})
public final class VerifyCommand implements Callable<Integer> {

    /** The input's bytes are not those the result was made from. */
    public static final int INPUT_CHANGED = 10;
    /** A scheme's data (catalog, grading table) is not what graded the result, or the scheme is not installed. */
    public static final int CATALOG_CHANGED = 11;
    /** Another version of the program, which derives another result from the same input and catalog. */
    public static final int PROGRAM_CHANGED = 12;
    /** Same input, catalog and program, another result: the result was edited after it was written. */
    public static final int RESULT_ALTERED = 13;
    /** With {@code --key}: the result's signature ({@code RESULT.jws}) is missing or does not hold. */
    public static final int SIGNATURE = 14;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** At most this many differences are named a result. */
    private static final int SHOWN = 5;

    private final Provider<Evaluator> evaluator;
    private final Provider<Map<String, Scheme>> schemes;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULT",
            description = "A JSON result as 'evaluate --format json' writes it, or NDJSON (one result a line).")
    Path result;

    @Parameters(index = "1", arity = "0..1", paramLabel = "INPUT",
            description = "The assessment the result was made from (default: the file each result names as its"
                    + " source, relative to the current directory; for a result of an NDJSON line, its line of INPUT).")
    Path input;

    @picocli.CommandLine.Option(names = "--key", paramLabel = "KEY",
            description = "Check first that RESULT.jws, beside RESULT, is the body's signature of it ('aftersales sign'):"
                    + " KEY is the body's public key (KEY.public.jwk from 'sign --new-key'); exit 14 if it is missing or"
                    + " does not hold.")
    Path key;

    @Inject
    VerifyCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        this.evaluator = evaluator;
        this.schemes = schemes;
    }

    @Override
    public Integer call() {
        if (key != null) {
            String broken = SignCommand.check(result, bytesOf(result), key);
            if (broken != null) {
                spec.commandLine().getOut().println(Printable.of(result.toString()) + ": " + broken);
                return SIGNATURE;
            }
            spec.commandLine().getOut().println(Printable.of(result.toString()) + ": signed by the key of "
                    + Printable.of(key.toString()));
        }
        List<JsonNode> items = items(result);
        int exit = ExitCode.OK;
        StringBuilder out = new StringBuilder();
        for (JsonNode item : items) {
            Check c = check(item);
            out.append(c.report());
            if (c.code != ExitCode.OK) {
                exit = exit == ExitCode.OK ? c.code : Math.min(exit, c.code);
            }
        }
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return exit;
    }

    private static byte[] bytesOf(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": no such file");
        } catch (IOException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": cannot be read: "
                    + e.getMessage());
        }
    }

    /** The results in the file: the items of {@code assessments}, one assessment, or one a line (NDJSON). */
    private static List<JsonNode> items(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": no such file");
        } catch (IOException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": cannot be read: "
                    + e.getMessage());
        }
        List<JsonNode> items = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root != null && root.has("assessments") && root.get("assessments").isArray()) {
                root.get("assessments").forEach(items::add);
            } else if (root != null && root.isObject()) {
                items.add(root);
            }
        } catch (IOException whole) {
            // NDJSON: one result a line
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    items.add(JSON.readTree(lines[i]));
                } catch (IOException e) {
                    throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ":" + (i + 1)
                            + ": is not a JSON result (" + firstLine(e.getMessage()) + ")");
                }
            }
        }
        if (items.isEmpty() || items.stream().anyMatch(i -> !i.isObject() || !i.has("schemes") || !i.has("source"))) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": is not a result of 'aftersales"
                    + " evaluate --format json' (no assessment with its source and schemes)");
        }
        return items;
    }

    /** What was found of one result, and its exit code. */
    private static final class Check {
        final String label;
        final List<String> findings = new ArrayList<>();
        int code = ExitCode.OK;
        String matched;

        Check(String label) {
            this.label = label;
        }

        void found(int code, String what) {
            findings.add(what);
            this.code = this.code == ExitCode.OK ? code : Math.min(this.code, code);
        }

        String report() {
            if (findings.isEmpty()) {
                return label + ": matches (" + matched + ")\n";
            }
            StringBuilder b = new StringBuilder(label + ": does not match\n");
            findings.forEach(f -> b.append("  ").append(f).append('\n'));
            return b.toString();
        }
    }

    private Check check(JsonNode item) {
        String source = item.path("source").asText();
        int line = item.path("line").asInt(0);
        Check c = new Check(Printable.of(source + (line > 0 ? ":" + line : "")));
        JsonNode provenance = item.get("provenance");
        if (provenance == null || !provenance.isObject()) {
            throw new UserException(ExitCode.INPUT, Printable.of(result.toString()) + ": the result of "
                    + c.label + " carries no provenance (it was written by an aftersales before provenance, or edited):"
                    + " it cannot be checked; evaluate its input again");
        }
        Path file = input != null ? input : Path.of(source);
        if (input == null && source.equals("<stdin>")) {
            throw new UserException(ExitCode.USAGE, "the result of " + c.label + " was read from standard input:"
                    + " name the input file, 'aftersales verify RESULT INPUT'");
        }
        byte[] bytes = bytes(file, line);
        String digest = Provenance.digest(bytes);
        String recorded = provenance.path("inputDigest").asText(null);
        boolean inputChanged = !digest.equals(recorded);
        if (inputChanged) {
            c.found(INPUT_CHANGED, "the input changed: " + Printable.of(file.toString()) + (line > 0 ? " line " + line
                    : "") + " has SHA-256 " + digest + ", the result was made from " + recorded);
        }
        boolean catalogChanged = false;
        for (JsonNode part : provenance.path("schemes")) {
            String id = part.path("scheme").asText();
            String variant = part.path("variant").asText();
            Scheme scheme = schemes.get().get(id);
            if (scheme == null) {
                catalogChanged = true;
                c.found(CATALOG_CHANGED, "scheme " + Printable.of(id) + " graded the result and is not installed here");
                continue;
            }
            String was = part.path("catalogDigest").asText(null);
            String now = scheme.catalogDigest();
            if (!java.util.Objects.equals(was, now) || !scheme.version().equals(part.path("schemeVersion").asText())) {
                catalogChanged = true;
                c.found(CATALOG_CHANGED, "the catalog changed: " + id + " " + Printable.of(variant) + " ("
                        + Printable.of(part.path("schemeVersion").asText()) + ") was graded with data " + was
                        + "; installed here is " + scheme.version() + ", data " + now);
            }
        }
        String program = provenance.path("program").asText();
        ObjectNode derived;
        try {
            derived = derive(file, bytes, source, line, provenance, digest);
        } catch (LocatedException e) {
            if (!inputChanged && !catalogChanged) {
                throw e; // the same input and catalog that gave a result give none: said as what it is
            }
            c.found(inputChanged ? INPUT_CHANGED : CATALOG_CHANGED, "and it no longer gives a result: "
                    + Printable.of(e.getMessage()));
            return c;
        }
        List<String> differences = new ArrayList<>();
        ObjectNode stated = item.deepCopy();
        stated.remove("provenance");
        derived.remove("provenance");
        differences(stated, derived, "", differences);
        if (!differences.isEmpty()) {
            String where = String.join("; ", differences.subList(0, Math.min(SHOWN, differences.size())))
                    + (differences.size() > SHOWN ? "; and " + (differences.size() - SHOWN) + " more" : "");
            if (inputChanged || catalogChanged) {
                c.found(inputChanged ? INPUT_CHANGED : CATALOG_CHANGED, "and the result derived now differs: " + where);
            } else if (!program.equals(Provenance.PROGRAM)) {
                c.found(PROGRAM_CHANGED, "the program changed: the result was made by aftersales "
                        + Printable.of(program) + ", this is " + Provenance.PROGRAM + ", and the result it derives from the"
                        + " same input and catalog differs: " + where);
            } else {
                c.found(RESULT_ALTERED, "the result was altered: the same input, catalog and program derive another"
                        + " result: " + where);
            }
        }
        c.matched = "input " + digest + ", " + provenance.path("schemes").size() + " scheme"
                + (provenance.path("schemes").size() == 1 ? "" : "s") + " with the same data, made by aftersales "
                + Printable.of(program) + (program.equals(Provenance.PROGRAM) ? "" : ", checked by " + Provenance.PROGRAM);
        return c;
    }

    /** The bytes graded: the whole file, or line {@code line} of it without its {@code \n} (as NDJSON is read). */
    private static byte[] bytes(Path file, int line) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": no such file (the result's"
                    + " input; name it with 'aftersales verify RESULT INPUT' if it moved)");
        } catch (IOException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": cannot be read: "
                    + e.getMessage());
        }
        if (line <= 0) {
            return all;
        }
        int at = 1;
        int from = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == '\n') {
                if (at == line) {
                    return java.util.Arrays.copyOfRange(all, from, i);
                }
                at++;
                from = i + 1;
            }
        }
        throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": has no line " + line
                + " (it has " + (at - 1) + "): the input changed, or is not the result's");
    }

    /** The result derived now from these bytes, with the run's choices the provenance records. */
    private ObjectNode derive(Path file, byte[] bytes, String source, int line, JsonNode provenance, String digest) {
        Assessment assessment;
        try {
            assessment = line > 0 || !AssessmentReader.readable(file.getFileName().toString())
                    || file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(json|ya?ml)")
                    ? AssessmentReader.read(bytes, source, line > 0
                            ? LocatedReader.Syntax.JSON : AssessmentReader.syntaxOf(file), line)
                    : AssessmentReader.read(file).withSource(source); // a workbook: read by its format
        } catch (IOException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": cannot be read: "
                    + e.getMessage());
        }
        JsonNode o = provenance.path("options");
        Map<String, String> readings = new java.util.TreeMap<>();
        o.path("readings").properties().forEach(e -> readings.put(e.getKey(), e.getValue().asText()));
        Provenance.Options options = new Provenance.Options(o.path("notApplicable").isTextual()
                ? o.path("notApplicable").asText() : null, o.path("missingAsZero").asBoolean(false), readings);
        EvaluationResult r = evaluator.get().evaluate(assessment, options.evaluationOptions());
        if (r.provenance() != null) {
            r = r.withProvenance(r.provenance().withInputDigest(digest));
        }
        try {
            // as written and read back: numbers compare as the result file holds them
            return (ObjectNode) JSON.readTree(io.github.aftersales.reports.Json.compact(JsonReport.assessment(r)));
        } catch (IOException e) {
            throw new IllegalStateException("the program's own JSON does not read back", e);
        }
    }

    /** Where two results differ, as JSON pointers with both values, in document order. */
    private static void differences(JsonNode stated, JsonNode derived, String at, List<String> out) {
        if (out.size() > 100) {
            return;
        }
        if (stated.isObject() && derived.isObject()) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            stated.fieldNames().forEachRemaining(names::add);
            derived.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String here = at + "/" + name;
                if (!stated.has(name)) {
                    out.add(here + " is missing");
                } else if (!derived.has(name)) {
                    out.add(here + " is not derived");
                } else {
                    differences(stated.get(name), derived.get(name), here, out);
                }
            }
        } else if (stated.isArray() && derived.isArray()) {
            Iterator<JsonNode> a = stated.elements();
            Iterator<JsonNode> b = derived.elements();
            for (int i = 0; a.hasNext() || b.hasNext(); i++) {
                if (!a.hasNext() || !b.hasNext()) {
                    out.add(at + " has " + stated.size() + " items, derived " + derived.size());
                    return;
                }
                differences(a.next(), b.next(), at + "/" + i, out);
            }
        } else if (!stated.equals(derived)) {
            out.add(at + " says " + shown(stated) + ", derived " + shown(derived));
        }
    }

    private static String shown(JsonNode n) {
        String s = n.toString();
        return Printable.of(s.length() > 80 ? s.substring(0, 77) + "..." : s);
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
