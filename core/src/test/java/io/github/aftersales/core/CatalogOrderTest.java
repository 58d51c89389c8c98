package io.github.aftersales.core;

import static io.github.aftersales.core.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.core.definition.DefinitionReader;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.core.template.Templates;
import io.github.aftersales.spi.CatalogVisitor;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.ResourceScheme;
import io.github.aftersales.spi.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A category's {@code order} (catalog format 0.2): the ordered scheme (src/test/resources/schemes/ordered)
 * has category 1 holding clause 1.1, sub-category 1.2 and clause 1.3 in that order, and category 2,
 * without an order, holding clause 2.2 and sub-category 2.1, which read as before: clauses first.
 */
class CatalogOrderTest {

    static final class OrderedScheme extends ResourceScheme {
        OrderedScheme() {
            super("schemes/ordered");
        }
    }

    private static final SchemeRegistry REGISTRY = SchemeRegistry.of(List.of(new OrderedScheme()));

    @TempDir
    Path root;

    private static Variant variant() {
        return REGISTRY.find("ordered").orElseThrow().variants().get(0);
    }

    @Test
    void theCatalogsClausesFollowTheOrderAndACategoryWithoutOneListsItsClausesFirst() {
        assertThat(variant().catalog().clauses()).extracting(Clause::id)
                .containsExactly("1.1", "1.2.1", "1.2.2", "1.3", "2.2", "2.1.1");
        assertThat(variant().catalog().allCategories()).extracting(Category::id).containsExactly("1", "1.2", "2", "2.1");
        List<String> walked = new ArrayList<>();
        variant().catalog().walk(new CatalogVisitor() {
            @Override
            public boolean enter(Category c, List<Category> parents) {
                walked.add("(" + c.id() + "@" + parents.size());
                return true;
            }

            @Override
            public void clause(Clause cl, List<Category> parents) {
                walked.add(cl.id() + "@" + parents.size());
            }

            @Override
            public void leave(Category c, List<Category> parents) {
                walked.add(c.id() + ")");
            }
        });
        assertThat(walked).containsExactly("(1@0", "1.1@1", "(1.2@1", "1.2.1@2", "1.2.2@2", "1.2)", "1.3@1", "1)",
                "(2@0", "2.2@1", "(2.1@1", "2.1.1@2", "2.1)", "2)");
    }

    @Test
    void theTemplateAndTheResultListTheClausesInTheSameOrder() {
        List<String> template = new ArrayList<>();
        Templates.blank(REGISTRY.find("ordered").orElseThrow(), variant(), id -> Optional.empty())
                .at("/schemes/0/findings").forEach(f -> template.add(f.get("id").asText()));
        assertThat(template).containsExactly("1.1", "1.2.1", "1.2.2", "1.3", "2.2", "2.1.1");

        String findings = "{\"id\": \"1.3\", \"result\": \"not-conform\"}, {\"id\": \"1.1\", \"result\": \"conform\"},"
                + " {\"id\": \"1.2.2\", \"result\": \"conform\"}, {\"id\": \"2.1.1\", \"result\": \"conform\"},"
                + " {\"id\": \"1.2.1\", \"result\": \"not-conform\"}, {\"id\": \"2.2\", \"result\": \"conform\"}";
        SchemeResult r = new Evaluator(REGISTRY::find, REGISTRY.ids()).evaluate(json("{\"schemes\": [{\"scheme\":"
                + " \"ordered\", \"findings\": [" + findings + "]}]}"), EvaluationOptions.DEFAULTS).results().get(0);
        assertThat(r.clauses()).extracting(ClauseResult::id).containsExactly("1.1", "1.2.1", "1.2.2", "1.3", "2.2", "2.1.1");
        assertThat(r.lostPoints()).extracting(ClauseResult::id).containsExactly("1.2.1", "1.3");
        // 10 points less 1.2.1 (1) and 1.3 (3): 6, which 合格 needs
        assertThat(r.score()).isEqualByComparingTo("6");
        assertThat(r.grade()).isEqualTo("合格");
    }

    // ---- checked when the scheme loads ----------------------------------------------------------

    @Test
    void anIdThatIsNotAChildIsNamedWithTheFileAndThePlace() throws IOException {
        assertThat(broken("ordered.catalog.json", "[\"1.1\", \"1.2\", \"1.3\"]", "[\"1.1\", \"1.2\", \"1.2.1\", \"1.3\"]"))
                .isEqualTo("schemes/ordered/ordered.catalog.json:11:31: categories[0].order[2]: 1.2.1 is neither a"
                        + " clause nor a sub-category of category 1 (they are 1.1, 1.3, 1.2)");
    }

    @Test
    void anIdListedTwiceIsNamed() throws IOException {
        assertThat(broken("ordered.catalog.json", "[\"1.1\", \"1.2\", \"1.3\"]", "[\"1.1\", \"1.2\", \"1.1\", \"1.3\"]"))
                .isEqualTo("schemes/ordered/ordered.catalog.json:11:31: categories[0].order[2]: 1.1 is listed twice"
                        + " in the order of category 1");
    }

    @Test
    void aChildLeftOutIsNamed() throws IOException {
        assertThat(broken("ordered.catalog.json", "[\"1.1\", \"1.2\", \"1.3\"]", "[\"1.2\", \"1.1\"]"))
                .isEqualTo("schemes/ordered/ordered.catalog.json:11:16: categories[0].order: the order of category 1"
                        + " leaves out 1.3: list each of its clauses and sub-categories once, in the standard's order");
    }

    @Test
    void anOrderThatIsNotAListOfIdsIsRefused() throws IOException {
        assertThat(broken("ordered.catalog.json", "[\"1.1\", \"1.2\", \"1.3\"]", "\"1.1 1.2 1.3\""))
                .isEqualTo("schemes/ordered/ordered.catalog.json:11:16: categories[0].order: 'order' must be a list,"
                        + " not a string");
        assertThat(broken("ordered.catalog.json", "[\"1.1\", \"1.2\", \"1.3\"]", "[\"1.1\", 1.2, \"1.3\"]"))
                .startsWith("schemes/ordered/ordered.catalog.json:11:24: categories[0].order[1]: ");
    }

    @Test
    void anOrderNeedsFormatZeroTwo() throws IOException {
        assertThat(broken("scheme.json", "\"format\": \"0.2\"", "\"format\": \"0.1\""))
                .isEqualTo("schemes/ordered/ordered.catalog.json:11:16: categories[0].order: a category's order came"
                        + " with catalog format 0.2: write \"format\": \"0.2\" in scheme.json");
    }

    @Test
    void aCategoryBuiltInCodeHoldsEachOfItsChildrenOnce() {
        Clause a = new Clause("a", "甲", "a", BigDecimal.ONE, List.of(), false, null, null);
        Clause b = new Clause("b", "乙", "b", BigDecimal.ONE, List.of(), false, null, null);
        Category sub = new Category("s", "组", "s", BigDecimal.ONE, Category.Scoring.BY_CLAUSES, List.of(), List.of(b));
        Category ordered = new Category("c", "类", "c", BigDecimal.valueOf(2), Category.Scoring.BY_CLAUSES, List.of(sub),
                List.of(a), List.of(sub, a));
        assertThat(ordered.children()).containsExactly(sub, a);
        assertThat(new Category("c", "类", "c", BigDecimal.valueOf(2), Category.Scoring.BY_CLAUSES, List.of(sub), List.of(a))
                .children()).containsExactly(a, sub);
        assertThatThrownBy(() -> new Category("c", "类", "c", BigDecimal.valueOf(2), Category.Scoring.BY_CLAUSES, List.of(sub),
                List.of(a), List.of(a))).hasMessage("category c: its children leave out [s]");
        assertThatThrownBy(() -> new Category("c", "类", "c", BigDecimal.valueOf(2), Category.Scoring.BY_CLAUSES, List.of(sub),
                List.of(a), List.of(a, sub, a))).hasMessage("category c: its children list a twice");
        assertThatThrownBy(() -> new Category("c", "类", "c", BigDecimal.valueOf(2), Category.Scoring.BY_CLAUSES, List.of(sub),
                List.of(a), List.of(a, sub, b))).hasMessage("category c: its children list b, which is none of its"
                        + " clauses and sub-categories");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CatalogOrderTest.class.getResourceAsStream("/schemes/ordered/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String broken(String file, String from, String to) throws IOException {
        Path dir = root.resolve("schemes/ordered");
        Files.createDirectories(dir);
        for (String name : new String[] {"scheme.json", "ordered.catalog.json", "ordered.grading.json"}) {
            String text = resource(name);
            if (name.equals(file)) {
                assertThat(text).contains(from);
                text = text.replace(from, to);
            }
            Files.writeString(dir.resolve(name), text);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            DefinitionReader.read(loader, "schemes/ordered");
        } catch (LocatedException e) {
            return e.getMessage();
        }
        throw new AssertionError("loaded");
    }
}
