package io.github.aftersales.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aftersales.batch.Generator;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.assessment.DirectJsonReader;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.spi.Scheme;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reading NDJSON lines alone, in one warm thread, three ways side by side: into a Jackson tree (what
 * {@link JacksonFloor} does, the floor of {@link EndToEndRatios}), into the typed assessment through the located
 * tree ({@code AssessmentReader}'s located path, every value with its place), and straight from the parser's
 * tokens ({@link DirectJsonReader}, what {@code evaluate} reads lines with). N generated forms of a scheme are
 * held as lines in memory; each round reads all of them each way in turn (interleaved, so that what else the
 * machine does falls on all three alike), measured in the thread's CPU time, which waiting for a core does not
 * move. The first rounds warm the JIT up and are not counted; each figure is the median of the rest.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.aftersales.benchmarks.ReadRatios [--count N] [--rounds R] [--scheme ID]
 * </pre>
 *
 * <p>Defaults: 20,000 forms of {@code gbt27922}, 15 rounds after 8 of warm-up.
 */
public final class ReadRatios {

    private ReadRatios() {
    }

    public static void main(String[] args) throws Exception {
        int count = 20_000;
        int rounds = 15;
        int warmup = 8;
        String schemeId = "gbt27922";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--scheme" -> schemeId = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Scheme scheme = Book.REGISTRY.find(schemeId).orElseThrow();
        Generator generator = new Generator(scheme, scheme.defaultVariant(), Book.REGISTRY::find, 1);
        byte[][] lines = new byte[count][];
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            lines[i] = generator.next().toString().getBytes(StandardCharsets.UTF_8);
            bytes += lines[i].length + 1;
        }
        ObjectMapper mapper = new ObjectMapper();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"Jackson tree (floor)", "located tree + typed assessment", "direct: typed assessment from the tokens"};
        List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long sink = 0;
        int notDirect = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            for (int way = 0; way < 3; way++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < count; i++) {
                    byte[] line = lines[i];
                    switch (way) {
                        case 0 -> sink += mapper.readTree(line).size();
                        case 1 -> sink += AssessmentReader.read(new ByteArrayInputStream(line), "book.ndjson",
                                LocatedReader.Syntax.JSON, i + 1).parts().get(0).findings().size();
                        default -> {
                            Assessment a = DirectJsonReader.read(line, 0, line.length, "book.ndjson", i + 1);
                            if (a == null) {
                                notDirect++;
                            } else {
                                sink += a.parts().get(0).findings().size();
                            }
                        }
                    }
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                if (round >= warmup) {
                    times.get(way).add(cpu);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%,d %s forms (%,d bytes of NDJSON), one thread, %d rounds after %d of warm-up,"
                + " thread CPU time, medians; %s, %s%n", count, schemeId, bytes, rounds, warmup,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors() + " cores");
        long floor = median(times.get(0));
        System.out.println("| reading | CPU | range | ratio to the tree |");
        System.out.println("|---|---|---|---|");
        for (int way = 0; way < 3; way++) {
            long m = median(times.get(way));
            long[] sorted = times.get(way).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %,d ms | %,d–%,d ms | %.2f |%n", names[way], m / 1_000_000,
                    sorted[0] / 1_000_000, sorted[sorted.length - 1] / 1_000_000, (double) m / floor);
        }
        System.out.printf(Locale.ROOT, "direct / located: %.2f; lines the direct reader left to the located one: %d;"
                + " (checksum %d)%n", (double) median(times.get(2)) / median(times.get(1)), notDirect, sink);
    }

    private static long median(List<Long> values) {
        long[] s = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
