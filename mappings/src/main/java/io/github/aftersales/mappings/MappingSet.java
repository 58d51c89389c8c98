package io.github.aftersales.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One mapping set: the pairs of clauses of two catalogs (a scheme's variant each), each with its
 * relation and a rationale quoting both texts, and who may review it. Read from a file of
 * {@code src/main/resources/mappings/} (the format is in this module's README.md).
 *
 * @param id        the file's name without {@code .json}
 * @param title     its title (Chinese)
 * @param titleEn   its title in English
 * @param source    the catalog the pairs' {@code source} ids are of
 * @param target    the catalog the pairs' {@code target} ids are of
 * @param reviewers who may review it
 * @param status    how far it has been reviewed
 * @param pairs     the pairs, in the file's order
 * @param unmapped  clauses considered and left out, with why
 * @param inverted  whether this is the file read the other way round (target to source)
 */
public record MappingSet(String id, String title, String titleEn, Ref source, Ref target, List<String> reviewers,
        String status, List<Pair> pairs, List<Unmapped> unmapped, boolean inverted) {

    /** A scheme's variant in the version the mapping was written from. */
    public record Ref(String scheme, String variant, String version) {
        public Ref {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(version, "version");
        }

        /** Whether it names the same scheme and variant (the version aside). */
        public boolean names(String schemeId, String variantId) {
            return scheme.equals(schemeId) && variant.equals(variantId);
        }

        @Override
        public String toString() {
            return scheme + "/" + variant;
        }
    }

    /** One pair: the source clause is {@code relation} of the target clause. */
    public record Pair(String source, String target, Relation relation, String rationale) {
        Pair inverse() {
            return new Pair(target, source, relation.inverse(), rationale);
        }
    }

    /** A clause considered and left out of every pair, on the source or the target side. */
    public record Unmapped(String id, String side, String why) {
    }

    public MappingSet {
        reviewers = List.copyOf(reviewers);
        pairs = List.copyOf(pairs);
        unmapped = List.copyOf(unmapped);
    }

    /** The same set read from target to source: sides swapped, subset and superset exchanged. */
    public MappingSet inverse() {
        return new MappingSet(id, title, titleEn, target, source, reviewers, status,
                pairs.stream().map(Pair::inverse).toList(),
                unmapped.stream().map(u -> new Unmapped(u.id(), u.side().equals("source") ? "target" : "source", u.why()))
                        .toList(), !inverted);
    }

    /** The pairs whose target is {@code targetId}, in the file's order. */
    public List<Pair> toTarget(String targetId) {
        return pairs.stream().filter(p -> p.target().equals(targetId)).toList();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a mapping file.
     *
     * @throws IllegalArgumentException naming the file and the place when it is malformed
     */
    public static MappingSet read(InputStream in, String name) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(name + ": malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + ": a mapping set is a JSON object");
        }
        String id = text(root, "id", name);
        if (!name.equals(id + ".json")) {
            throw new IllegalArgumentException(name + ": id '" + id + "' is not the file's name");
        }
        List<String> reviewers = new ArrayList<>();
        for (JsonNode r : array(root, "reviewers", name)) {
            reviewers.add(r.asText());
        }
        if (reviewers.isEmpty()) {
            throw new IllegalArgumentException(name + ": reviewers: name who may review the mapping");
        }
        List<Pair> pairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (JsonNode p : array(root, "pairs", name)) {
            String where = name + ": pairs[" + i++ + "]";
            String relation = text(p, "relation", where);
            Pair pair = new Pair(text(p, "source", where), text(p, "target", where), Relation.parse(relation)
                    .orElseThrow(() -> new IllegalArgumentException(where + ": relation '" + relation
                            + "' is not one of " + Relation.keys())), text(p, "rationale", where));
            if (!seen.add(pair.source() + "\u0000" + pair.target())) {
                throw new IllegalArgumentException(where + ": " + pair.source() + " → " + pair.target()
                        + " is paired twice");
            }
            pairs.add(pair);
        }
        List<Unmapped> unmapped = new ArrayList<>();
        i = 0;
        if (root.has("unmapped")) {
            for (JsonNode u : array(root, "unmapped", name)) {
                String where = name + ": unmapped[" + i++ + "]";
                String side = text(u, "side", where);
                if (!side.equals("source") && !side.equals("target")) {
                    throw new IllegalArgumentException(where + ": side is source or target, not '" + side + "'");
                }
                unmapped.add(new Unmapped(text(u, "id", where), side, text(u, "why", where)));
            }
        }
        return new MappingSet(id, text(root, "title", name), text(root, "titleEn", name), ref(root, "source", name),
                ref(root, "target", name), reviewers, text(root, "status", name), pairs, unmapped, false);
    }

    private static Ref ref(JsonNode root, String key, String name) {
        JsonNode n = root.get(key);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(name + ": " + key + " must be {scheme, variant, version}");
        }
        String where = name + ": " + key;
        return new Ref(text(n, "scheme", where), text(n, "variant", where), text(n, "version", where));
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": " + key + " must be a text that is not blank");
        }
        return v.asText();
    }

    private static JsonNode array(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(where + ": " + key + " must be a list");
        }
        return v;
    }
}
