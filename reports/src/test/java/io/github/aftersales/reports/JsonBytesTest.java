package io.github.aftersales.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The service answers with {@link Json#prettyBytes}: the bytes the command line's text would be. */
class JsonBytesTest {

    @Test
    void theSameBytesAsTheTextEncoded() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("organisation", "深圳某某电器有限公司 \"quoted\" back\\slash");
        node.put("outsideTheBmp", "𠀀 and 😀"); // 4 bytes each in UTF-8, a surrogate pair in Java
        node.put("controls", "tab\tnew line\n\u0001 line separator\u2028");
        node.putArray("reasons").add("total 92.85 < 95 needed for 五星级").addObject().put("points", new BigDecimal("0.50"));
        node.putNull("none");

        assertThat(Json.prettyBytes(node)).isEqualTo(Json.pretty(node).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void halfASurrogatePairIsKeptAsItsEscapeNotAQuestionMark() throws Exception {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("note", "a\uD800b");

        String written = new String(Json.prettyBytes(node), StandardCharsets.UTF_8);

        assertThat(written).contains("\"a\\uD800b\"");
        assertThat(new ObjectMapper().readTree(written).get("note").asText()).isEqualTo("a\uD800b");
    }

    @Test
    void ndjsonBytesAreTheCompactTextEncodedEvenWithHalfASurrogatePair() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("organisation", "深圳某某电器有限公司 \"quoted\" back\\slash");
        node.put("outsideTheBmp", "𠀀 and 😀");
        node.put("controls", "tab\tnew line\n\u0001");
        node.put("literal", "\\uD800 written out, not a character");
        assertThat(Json.compactBytes(node)).isEqualTo(Json.compact(node).getBytes(StandardCharsets.UTF_8));

        node.put("half", "a\uD800b"); // encoding the text puts a ? for it: so do the bytes
        byte[] bytes = Json.compactBytes(node);
        assertThat(bytes).isEqualTo(Json.compact(node).getBytes(StandardCharsets.UTF_8));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"a?b\"");
    }
}
