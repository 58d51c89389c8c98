package io.github.aftersales.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An object's members as {@link LocatedReader} keeps them ({@link Fields}): in document order, found, placed. */
class FieldsTest {

    private static Located.Obj read(String json) throws Exception {
        return (Located.Obj) LocatedReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                LocatedReader.Syntax.JSON);
    }

    @Test
    void membersInDocumentOrderAndKeyPlacesAsAHashMapFilledInThatOrder() throws Exception {
        StringBuilder json = new StringBuilder("{\n");
        List<String> keys = new ArrayList<>();
        for (int i = 20; i > 0; i--) { // more than the 8 looked up by comparing each
            keys.add("fact" + i);
            json.append(" \"fact").append(i).append("\": ").append(i).append(i > 1 ? ",\n" : "\n");
        }
        Located.Obj o = read(json.append("}").toString());

        assertThat(new ArrayList<>(o.members().keySet())).isEqualTo(keys);
        assertThat(((Located.Scalar) o.get("fact7")).value()).hasToString("7");
        assertThat(o.get("fact21")).isNull();
        assertThat(o.has("fact1")).isTrue();
        // "fact20" is on line 2, column 2; "fact1" on line 21
        assertThat(o.keyPositions().get("fact20")).isEqualTo(new Located.Position(2, 2));
        assertThat(o.keyPositions().get("fact1")).isEqualTo(new Located.Position(21, 2));
        Map<String, Located.Position> hashed = new HashMap<>();
        keys.forEach(k -> hashed.put(k, o.keyPositions().get(k)));
        assertThat(new ArrayList<>(o.keyPositions().entrySet())).isEqualTo(new ArrayList<>(hashed.entrySet()));
    }

    @Test
    void aDuplicateKeyNamesWhereItFirstWas() {
        assertThatThrownBy(() -> read("{\"id\": \"5.1\",\n \"result\": \"conform\",\n \"id\": \"5.2\"}"))
                .isInstanceOf(LocatedReader.ParseException.class)
                .hasMessage("duplicate key 'id' in the document (first at line 1)");
    }

    @Test
    void theMapsCannotBeChanged() throws Exception {
        Located.Obj o = read("{\"a\": 1}");
        assertThatThrownBy(() -> o.members().put("b", o)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.keyPositions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
