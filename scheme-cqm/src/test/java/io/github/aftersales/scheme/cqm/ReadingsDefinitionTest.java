package io.github.aftersales.scheme.cqm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.definition.DefinitionReader;
import io.github.aftersales.core.definition.ReadingChecks;
import io.github.aftersales.core.json.LocatedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CQM's scheme.json with one mistake in a reading of 6.4: each is refused with the file and place. */
class ReadingsDefinitionTest {

    @TempDir
    Path root;

    private Object load(UnaryOperator<String> edit) throws IOException {
        Path dir = root.resolve("schemes/cqm");
        Files.createDirectories(dir);
        for (String name : new String[] {"scheme.json", "star.catalog.json", "star.grading.json"}) {
            try (InputStream in = ReadingsDefinitionTest.class.getResourceAsStream("/schemes/cqm/" + name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(name), name.equals("scheme.json") ? edit.apply(text) : text);
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            return DefinitionReader.read(loader, "schemes/cqm");
        } catch (LocatedException e) {
            return e.getMessage();
        }
    }

    @Test
    void theSchemeAsShippedLoadsAndItsReadingsAreWellFormed() throws IOException {
        Object loaded = load(t -> t);
        assertThat(loaded).isInstanceOf(DefinitionReader.SchemeDefinition.class);
        var star = ((DefinitionReader.SchemeDefinition) loaded).variants().get(0);
        assertThat(ReadingChecks.problems("cqm", star)).isEmpty();
        var complaint = star.surveillance().seriousEvents().get(0);
        assertThat(complaint.whereReading()).isEqualTo("cqm.cannotBeRectified");
        assertThat(complaint.where()).containsExactly(java.util.Map.entry("rectified", "false"));
        assertThat(complaint.where("judged-unrectifiable")).containsOnly(java.util.Map.entry("rectified", "false"),
                java.util.Map.entry("cannotBeRectified", "true"));
        assertThat(star.surveillance().onSeriousEventReading()).isEqualTo("cqm.onSeriousEvent");
        assertThat(star.inputs().events().get(2).exclusive()).containsExactly(java.util.List.of("rectified",
                "cannotBeRectified"));
    }

    @Test
    void eachMistakeIsNamedWithTheFileAndPlace() throws IOException {
        assertThat(load(t -> t.replace("\"judged-unrectifiable\": {", "\"judged\": {")))
                .asString().startsWith("schemes/cqm/scheme.json:").contains("variants[0].surveillance.seriousEvents[0]"
                        + ".where.values.judged: 'judged' is not a value of reading cqm.cannotBeRectified; its values:"
                        + " not-rectified, judged-unrectifiable");
        assertThat(load(t -> t.replaceFirst("\"not-rectified\": \\{\\s*\"rectified\": false\\s*},", "")))
                .asString().endsWith("the attributes for value 'not-rectified' of reading cqm.cannotBeRectified are not"
                        + " given: give each value's");
        assertThat(load(t -> t.replace("\"cannotBeRectified\": true", "\"cannotBeFixed\": true")))
                .asString().endsWith("event type majorComplaint has no attribute 'cannotBeFixed'");
        assertThat(load(t -> t.replace("\"reading\": \"cqm.onSeriousEvent\"", "\"reading\": \"cqm.cannotBeRectified\"")))
                .asString().endsWith("reading cqm.cannotBeRectified gives onSeriousEvent, so its values are 'suspend'"
                        + " and 'revoke', not 'not-rectified'");
        assertThat(load(t -> t.replace("\"reading\": \"cqm.onSeriousEvent\"",
                "\"reading\": \"cqm.unrectifiedComplaintWindow\"")))
                .asString().endsWith("onSeriousEvent is a word, but reading cqm.unrectifiedComplaintWindow is in months");
        assertThat(load(t -> t.replace("\"optionalAttributes\": [\n            \"cannotBeRectified\"",
                "\"optionalAttributes\": [\n            \"rectified\"")))
                .asString().endsWith("attribute 'rectified' is both in attributes and in optionalAttributes: give it"
                        + " once");
        String exclusive = "\"exclusive\": [\n            [\n              \"rectified\",\n              \"cannotBeRectified\"";
        assertThat(load(t -> t.replace(exclusive, exclusive.replace("\"rectified\"", "\"rectifed\""))))
                .asString().startsWith("schemes/cqm/scheme.json:").contains("variants[0].events[2].exclusive[0]:")
                .endsWith("exclusive names 'rectifed', which is not an attribute of this event type; its attributes:"
                        + " rectified, cannotBeRectified");
        assertThat(load(t -> t.replace(exclusive, exclusive.replace("\"rectified\"", "\"cannotBeRectified\""))))
                .asString().endsWith("a group of exclusive attributes names two or more different attributes, of which"
                        + " an event may state at most one true");
    }
}
