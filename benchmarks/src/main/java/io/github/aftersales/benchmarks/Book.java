package io.github.aftersales.benchmarks;

import io.github.aftersales.batch.Generator;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Scheme;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A generated book of assessments of every scheme, combined grade included, as NDJSON bytes. */
final class Book {

    static final SchemeRegistry REGISTRY = SchemeRegistry.discover(Book.class.getClassLoader());
    static final List<String> SCHEMES = List.of("gbt27922", "zg025", "cqm", "zg025-combined");

    private Book() {
    }

    static byte[] ndjson(int count, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 6000);
        Generator[] generators = SCHEMES.stream().map(id -> {
            Scheme s = REGISTRY.find(id).orElseThrow();
            return new Generator(s, s.defaultVariant(), REGISTRY::find, seed);
        }).toArray(Generator[]::new);
        for (int i = 0; i < count; i++) {
            out.writeBytes(generators[i % generators.length].next().toString().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }
}
