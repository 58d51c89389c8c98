package io.github.aftersales.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.definition.DefinitionReader;
import io.github.aftersales.core.definition.ReadingChecks;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readings declared in scheme.json: what loads, and each mistake named with the file and place. */
class ReadingsDefinitionTest {

    @TempDir
    Path root;

    static final String READING = "\"readings\": [{\"key\": \"rates.notApplicable\", \"title\": \"what an excluded item"
            + " is worth\", \"clause\": \"RATES-1 3\", \"quote\": \"是否适用？\", \"default\": \"full-points\","
            + " \"alternatives\": [{\"value\": \"prorate\", \"means\": \"left out\"}, {\"value\": \"full-points\","
            + " \"means\": \"its points\"}]}],";
    static final String TAKES = "\"id\": \"main\", \"notApplicable\": {\"reading\": \"rates.notApplicable\"},";

    private static String resource(String name) throws IOException {
        try (InputStream in = ReadingsDefinitionTest.class.getResourceAsStream("/schemes/rates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The rates test scheme with scheme.json changed by {@code edit}: the scheme, or the message it is refused with. */
    private Object load(java.util.function.UnaryOperator<String> edit) throws IOException {
        Path dir = root.resolve("schemes/rates");
        Files.createDirectories(dir);
        for (String name : new String[] {"scheme.json", "rates.catalog.json", "rates.grading.json"}) {
            String text = resource(name);
            Files.writeString(dir.resolve(name), name.equals("scheme.json") ? edit.apply(text) : text);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            return DefinitionReader.read(loader, "schemes/rates");
        } catch (LocatedException e) {
            return e.getMessage();
        }
    }

    private static String declared(String text, String reading, String takes) {
        return text.replace("\"variants\": [", reading + " \"variants\": [").replace("\"id\": \"main\",", takes);
    }

    @Test
    void aDeclaredReadingGivesItsParameterTheDefault() throws IOException {
        Object loaded = load(t -> declared(t, READING, TAKES));
        assertThat(loaded).isInstanceOf(DefinitionReader.SchemeDefinition.class);
        Variant v = ((DefinitionReader.SchemeDefinition) loaded).variants().get(0);
        assertThat(v.notApplicableReading()).isEqualTo("rates.notApplicable");
        assertThat(v.notApplicable()).isEqualTo(NotApplicablePolicy.FULL_POINTS);
        assertThat(v.reading("rates.notApplicable").orElseThrow().quote()).isEqualTo("是否适用？");
        assertThat(ReadingChecks.problems("rates", v)).isEmpty();
    }

    @Test
    void eachMistakeIsNamedWithTheFileAndPlace() throws IOException {
        assertThat(load(t -> declared(t, READING, "\"id\": \"main\", \"notApplicable\": {\"reading\": \"rates.other\"},")))
                .asString().startsWith("schemes/rates/scheme.json:").endsWith(": notApplicable takes reading"
                        + " 'rates.other', which scheme.json does not declare; declared: rates.notApplicable");
        assertThat(load(t -> declared(t, READING, "\"id\": \"main\",")))
                .asString().endsWith("reading rates.notApplicable is declared but no parameter of any variant takes it"
                        + " (write {\"reading\": \"rates.notApplicable\"} where it applies, or remove it)");
        assertThat(load(t -> declared(t, READING.replace("\"default\": \"full-points\"", "\"default\": \"half\""), TAKES)))
                .asString().endsWith("reading rates.notApplicable: the default 'half' is not among its alternatives"
                        + " [prorate, full-points]");
        assertThat(load(t -> declared(t, READING.replace("\"value\": \"prorate\"", "\"value\": \"half\""), TAKES)))
                .asString().endsWith("reading rates.notApplicable gives notApplicable, so its values are 'prorate' and"
                        + " 'full-points', not 'half'");
        assertThat(load(t -> declared(t, READING.replace("rates.notApplicable", "cqm.notApplicable"),
                TAKES.replace("rates.", "cqm.")))).asString()
                .endsWith("reading 'cqm.notApplicable' must start with the scheme id: rates.…");
        assertThat(load(t -> declared(t, READING.replace("\"alternatives\": [{\"value\": \"prorate\", \"means\":"
                + " \"left out\"}, ", "\"alternatives\": ["), TAKES))).asString()
                .endsWith("reading rates.notApplicable needs at least two alternatives, the default among them: a reading"
                        + " nobody can change is not a switch");
        assertThat(load(t -> declared(t, READING.replace("\"default\"", "\"unit\": \"months\", \"default\""), TAKES)))
                .asString().contains("is in months: 'prorate' is neither a whole number of months");
        assertThat(load(t -> declared(t, READING, TAKES).replace("\"format\": \"0.2\"", "\"format\": \"0.1\"")))
                .asString().contains("readings came with catalog format 0.2");
    }
}
