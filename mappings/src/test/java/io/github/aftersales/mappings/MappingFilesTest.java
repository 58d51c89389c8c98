package io.github.aftersales.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every bundled mapping set fits the catalogs it maps: ids, versions, relations, rationales, reviewers. */
class MappingFilesTest {

    private static final SchemeRegistry REGISTRY = SchemeRegistry.discover(MappingFilesTest.class.getClassLoader());

    @Test
    void everyFileInTheFolderIsListedAndRead() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/mappings"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(Mappings.FILES.stream().sorted().toList());
        }
        assertThat(Mappings.builtIn().all()).hasSize(Mappings.FILES.size());
    }

    @Test
    void everyIdExistsInItsCatalogAndEveryPairIsExplained() {
        for (MappingSet m : Mappings.builtIn().all()) {
            Catalog source = catalog(m.source());
            Catalog target = catalog(m.target());
            Set<String> pairedSource = new HashSet<>();
            Set<String> pairedTarget = new HashSet<>();
            for (MappingSet.Pair p : m.pairs()) {
                assertThat(exists(source, p.source())).as(m.id() + ": source id " + p.source()).isTrue();
                assertThat(exists(target, p.target())).as(m.id() + ": target id " + p.target()).isTrue();
                assertThat(p.relation()).isNotNull();
                // a one-line rationale quoting both texts: two quotations 「…」 at least
                assertThat(p.rationale()).as(m.id() + " " + p.source() + " → " + p.target())
                        .doesNotContain("\n").containsPattern("「[^」]+」[\\s\\S]*「[^」]+」");
                pairedSource.add(p.source());
                pairedTarget.add(p.target());
            }
            for (MappingSet.Unmapped u : m.unmapped()) {
                Catalog side = u.side().equals("source") ? source : target;
                assertThat(exists(side, u.id())).as(m.id() + ": unmapped " + u.side() + " id " + u.id()).isTrue();
                assertThat(u.side().equals("source") ? pairedSource : pairedTarget)
                        .as(m.id() + ": " + u.id() + " is said to be unmapped but is paired").doesNotContain(u.id());
            }
            assertThat(m.reviewers()).as(m.id() + " names who may review it").isNotEmpty();
        }
    }

    @Test
    void theFormToZg025PairsAreCountedByRelation() {
        MappingSet m = Mappings.builtIn().between("gbt27922", "form", "zg025", "items").orElseThrow();
        assertThat(m.pairs()).hasSize(83);
        assertThat(m.pairs().stream().filter(p -> p.relation() == Relation.EQUAL).map(p -> p.source() + "=" + p.target()))
                .containsExactly("5.2.1.1=5.4.1.1 b)");
        assertThat(m.pairs().stream().filter(p -> p.relation() == Relation.SUPERSET).map(MappingSet.Pair::source))
                .containsExactly("5.1.7.2", "5.2.2.1", "5.2.2.4", "5.2.4.5");
    }

    @Test
    void theFormToAnnexBPairsAreCountedByRelation() {
        MappingSet m = Mappings.builtIn().between("gbt27922", "form", "gbt27922", "annex-b").orElseThrow();
        assertThat(m.pairs()).hasSize(46);
        assertThat(m.pairs().stream().filter(p -> p.relation() == Relation.EQUAL).map(p -> p.source() + "=" + p.target()))
                .containsExactly("5.2.5.1=B.4.1", "5.2.3.2=B.5.1.3", "5.2.2.1=B.5.2.2", "5.3.1.2=B.7.1.1");
        assertThat(m.pairs().stream().filter(p -> p.relation() == Relation.SUPERSET).map(MappingSet.Pair::target))
                .containsExactly("B.1.4.3", "B.2.1.1", "B.2.1.2", "B.7.1.2", "B.7.2.1", "B.8.2.3");
    }

    @Test
    void theFormToCqmPairsAreCountedByRelation() {
        MappingSet m = Mappings.builtIn().between("gbt27922", "form", "cqm", "star").orElseThrow();
        assertThat(m.pairs()).hasSize(49);
        // the sentences CQM copies word for word (or all but a word)
        assertThat(m.pairs().stream().filter(p -> p.relation() == Relation.EQUAL).map(p -> p.source() + "=" + p.target()))
                .containsExactly("5.3.1.1=4.1.1.2.1", "5.1.7.2=4.1.1.2.4", "5.2.1.5=4.1.1.2.6", "5.2.4.1=4.1.2.4",
                        "5.2.3.1=4.1.3.1", "5.2.3.2=4.1.3.2", "5.1.4.1=4.2.2", "5.1.1.2=4.2.3.2", "5.1.3.1=4.2.4.1",
                        "5.3.1.3=4.2.4.4");
        assertThat(m.toTarget("4.1.1.2.5")).extracting(MappingSet.Pair::source)
                .containsExactly("5.2.1.1", "5.2.1.2", "5.2.1.3", "5.2.1.4", "5.2.5.2");
    }

    @Test
    void theZg025ToCqmPairsAreCountedByRelation() {
        MappingSet m = Mappings.builtIn().between("zg025", "items", "cqm", "star").orElseThrow();
        assertThat(m.pairs()).hasSize(74);
        assertThat(m.pairs()).noneMatch(p -> p.relation() == Relation.EQUAL || p.relation() == Relation.SUPERSET);
        assertThat(m.pairs().stream().filter(p -> p.relation() == Relation.SUBSET).map(p -> p.source() + "<" + p.target()))
                .containsExactly("5.1.2 a)<4.1.1.2.4", "5.4.1.1 b)<4.1.1.2.5", "5.4.3 a)<4.1.4.6", "5.4.3 b)<4.1.6.1");
    }

    @Test
    void readTheOtherWayRoundSubsetAndSupersetSwap() {
        MappingSet m = Mappings.builtIn().between("zg025", "items", "gbt27922", "form").orElseThrow();
        assertThat(m.inverted()).isTrue();
        assertThat(m.source().scheme()).isEqualTo("zg025");
        assertThat(m.toTarget("5.1.7.2")).extracting(MappingSet.Pair::source, MappingSet.Pair::relation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5.1.2 a)", Relation.SUBSET),
                        org.assertj.core.groups.Tuple.tuple("5.1.2 b)", Relation.INTERSECT));
        assertThat(m.toTarget("5.2.4.4")).extracting(MappingSet.Pair::relation).containsExactly(Relation.SUPERSET);
    }

    @Test
    void aBadFileIsNamedWithItsPlace() {
        String bad = """
                {"id": "x", "title": "t", "titleEn": "t", "status": "s", "reviewers": ["r"],
                 "source": {"scheme": "gbt27922", "variant": "form", "version": "v"},
                 "target": {"scheme": "zg025", "variant": "items", "version": "v"},
                 "pairs": [{"source": "5.1.1.1", "target": "5.3.1.1 a)", "relation": "same", "rationale": "r"}]}
                """;
        assertThatThrownBy(() -> MappingSet.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "x.json"))
                .hasMessage("x.json: pairs[0]: relation 'same' is not one of equal, subset, superset, intersect");
        String noReviewers = bad.replace("[\"r\"]", "[]");
        assertThatThrownBy(() -> MappingSet.read(new ByteArrayInputStream(noReviewers.getBytes(StandardCharsets.UTF_8)),
                "x.json")).hasMessage("x.json: reviewers: name who may review the mapping");
    }

    private static Catalog catalog(MappingSet.Ref ref) {
        Scheme scheme = REGISTRY.find(ref.scheme()).orElseThrow(() -> new AssertionError(ref + ": no such scheme"));
        assertThat(scheme.version()).as(ref + " version").isEqualTo(ref.version());
        Variant variant = scheme.variant(ref.variant()).orElseThrow(() -> new AssertionError(ref + ": no such variant"));
        return variant.catalog();
    }

    private static boolean exists(Catalog catalog, String id) {
        return catalog.clause(id).isPresent() || catalog.category(id).isPresent();
    }

    static List<String> ids(Catalog catalog) {
        return catalog.clauses().stream().map(io.github.aftersales.spi.Clause::id).toList();
    }
}
