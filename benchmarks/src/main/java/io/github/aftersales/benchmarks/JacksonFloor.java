package io.github.aftersales.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of {@link EndToEndRatios}: a plain Java program that reads an NDJSON file line by line and
 * parses each line into a Jackson tree, nothing more, as a whole process. It prints how many lines and
 * how many values the trees held (so the parse cannot be skipped).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.aftersales.benchmarks.JacksonFloor FILE
 * </pre>
 */
public final class JacksonFloor {

    private JacksonFloor() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        long lines = 0;
        long values = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode tree = mapper.readTree(line);
                lines++;
                values += tree.size();
            }
        }
        System.out.println(lines + " lines, " + values + " top-level values");
    }
}
