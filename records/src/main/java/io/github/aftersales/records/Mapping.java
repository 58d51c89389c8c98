package io.github.aftersales.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How to read one body's export: its headers for each {@link RecordField}, its words for each
 * {@link RequestType}, the scale of its satisfaction scores, its encoding, delimiter and date-time
 * pattern, and its words for yes and no. Read from a YAML or JSON file (docs/records.md); what it
 * leaves out keeps the default.
 */
public record Mapping(Map<RecordField, String> headers, Map<String, RequestType> typeWords, BigDecimal scaleMin,
        BigDecimal scaleMax, Charset encoding, char delimiter, DateTimeFormatter dateTimeFormat, String dateTimePattern,
        Set<String> trueWords, Set<String> falseWords, String sheet) {

    private static final Set<String> KEYS = Set.of("columns", "types", "satisfactionScale", "encoding", "delimiter",
            "dateTimeFormat", "trueWords", "falseWords", "sheet");

    /** The documented columns, UTF-8, commas, a 1 to 5 satisfaction scale. */
    public static Mapping defaults() {
        Map<RecordField, String> headers = new EnumMap<>(RecordField.class);
        for (RecordField f : RecordField.values()) {
            headers.put(f, f.defaultHeader());
        }
        return new Mapping(headers, Map.of(), BigDecimal.ONE, BigDecimal.valueOf(5), StandardCharsets.UTF_8, ',', null,
                null, words("true", "yes", "y", "1", "是"), words("false", "no", "n", "0", "否"), null);
    }

    private static Set<String> words(String... words) {
        Set<String> s = new LinkedHashSet<>();
        for (String w : words) {
            s.add(w.toLowerCase(Locale.ROOT));
        }
        return s;
    }

    /** The request type a cell's word names: a canonical word in any case, or one of the mapping's. */
    RequestType type(String word) {
        if (typeWords.isEmpty()) {
            return RequestType.byWord(word);
        }
        RequestType t = typeWords.get(word);
        if (t == null) {
            t = typeWords.get(word.toLowerCase(Locale.ROOT));
        }
        return t != null ? t : RequestType.byWord(word);
    }

    /** Reads a mapping file: YAML, or JSON (which is YAML too). */
    public static Mapping read(Path file) {
        String source = file.toString();
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new RecordsException(source, "no such file");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new RecordsException(source, line, column, "malformed mapping: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RecordsException(source, "cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new RecordsException(source, "the mapping file is empty");
        }
        if (!root.isObject()) {
            throw new RecordsException(source, "a mapping is an object with " + String.join(", ", sorted(KEYS)));
        }
        Mapping d = defaults();
        Map<RecordField, String> headers = new EnumMap<>(d.headers());
        Map<String, RequestType> types = new HashMap<>();
        BigDecimal min = d.scaleMin();
        BigDecimal max = d.scaleMax();
        Charset encoding = d.encoding();
        char delimiter = d.delimiter();
        DateTimeFormatter format = null;
        String pattern = null;
        Set<String> yes = d.trueWords();
        Set<String> no = d.falseWords();
        String sheet = null;
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "columns" -> {
                    for (Map.Entry<String, JsonNode> col : object(source, key, v).properties()) {
                        RecordField f = RecordField.byKey(col.getKey());
                        if (f == null) {
                            List<String> known = new ArrayList<>();
                            for (RecordField k : RecordField.values()) {
                                known.add(k.key());
                            }
                            throw new RecordsException(source, "columns." + col.getKey() + ": not a field of a service record;"
                                    + " the fields: " + String.join(", ", known));
                        }
                        headers.put(f, text(source, "columns." + col.getKey(), col.getValue()));
                    }
                    Map<String, RecordField> seen = new HashMap<>();
                    for (Map.Entry<RecordField, String> h : headers.entrySet()) {
                        RecordField before = seen.put(h.getValue().toLowerCase(Locale.ROOT), h.getKey());
                        if (before != null) {
                            throw new RecordsException(source, "columns: '" + h.getValue() + "' names both " + before.key()
                                    + " and " + h.getKey().key());
                        }
                    }
                }
                case "types" -> {
                    for (Map.Entry<String, JsonNode> w : object(source, key, v).properties()) {
                        String to = text(source, "types." + w.getKey(), w.getValue());
                        RequestType type = RequestType.byWord(to);
                        if (type == null) {
                            throw new RecordsException(source, "types." + w.getKey() + ": '" + to + "' is not a request"
                                    + " type; the types: " + RequestType.words());
                        }
                        types.put(w.getKey().strip(), type);
                        types.put(w.getKey().strip().toLowerCase(Locale.ROOT), type);
                    }
                }
                case "satisfactionScale" -> {
                    JsonNode o = object(source, key, v);
                    for (Map.Entry<String, JsonNode> entry : o.properties()) {
                        String k = entry.getKey();
                        if (!k.equals("min") && !k.equals("max")) {
                            throw new RecordsException(source, "satisfactionScale." + k + ": unknown; give min and max");
                        }
                    }
                    if (!o.path("min").isNumber() || !o.path("max").isNumber()) {
                        throw new RecordsException(source, "satisfactionScale: give min and max as numbers, e.g. {min: 1, max: 5}");
                    }
                    min = o.get("min").decimalValue();
                    max = o.get("max").decimalValue();
                    if (min.compareTo(max) >= 0) {
                        throw new RecordsException(source, "satisfactionScale: min " + min.toPlainString()
                                + " is not below max " + max.toPlainString());
                    }
                }
                case "encoding" -> {
                    String name = text(source, key, v);
                    try {
                        encoding = Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
                        throw new RecordsException(source, "encoding: '" + name + "' is not an encoding this Java knows"
                                + " (UTF-8, GB18030, GBK, UTF-16 …)");
                    }
                }
                case "delimiter" -> {
                    String s = v.isTextual() ? v.textValue() : null;
                    if (s == null || s.length() != 1 || s.charAt(0) == '"' || s.charAt(0) == '\n' || s.charAt(0) == '\r') {
                        throw new RecordsException(source, "delimiter: one character, such as \",\", \";\" or \"\\t\"");
                    }
                    delimiter = s.charAt(0);
                }
                case "dateTimeFormat" -> {
                    pattern = text(source, key, v);
                    try {
                        format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
                    } catch (IllegalArgumentException ex) {
                        throw new RecordsException(source, "dateTimeFormat: '" + pattern + "' is not a date-time pattern ("
                                + ex.getMessage() + "); e.g. yyyy/M/d H:mm");
                    }
                }
                case "sheet" -> sheet = text(source, key, v);
                case "trueWords" -> yes = wordList(source, key, v);
                case "falseWords" -> no = wordList(source, key, v);
                default -> throw new RecordsException(source, "unknown key '" + key + "'; allowed: "
                        + String.join(", ", sorted(KEYS)));
            }
        }
        for (String w : yes) {
            if (no.contains(w)) {
                throw new RecordsException(source, "'" + w + "' is in both trueWords and falseWords");
            }
        }
        return new Mapping(headers, Map.copyOf(types), min, max, encoding, delimiter, format, pattern, yes, no, sheet);
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    private static JsonNode object(String source, String key, JsonNode v) {
        if (!v.isObject()) {
            throw new RecordsException(source, key + ": must be an object (key: value lines)");
        }
        return v;
    }

    private static String text(String source, String key, JsonNode v) {
        if (v.isBoolean()) {
            throw new RecordsException(source, key + ": write the word in quotes (\"yes\"): YAML reads yes, no, on and off"
                    + " as true and false");
        }
        if (!(v.isTextual() || v.isNumber()) || v.asText().isBlank()) {
            throw new RecordsException(source, key + ": must be a text that is not empty");
        }
        return v.asText().strip();
    }

    private static Set<String> wordList(String source, String key, JsonNode v) {
        if (!v.isArray() || v.isEmpty()) {
            throw new RecordsException(source, key + ": must be a list of words");
        }
        Set<String> s = new LinkedHashSet<>();
        for (JsonNode w : v) {
            s.add(text(source, key, w).toLowerCase(Locale.ROOT));
        }
        return s;
    }
}
