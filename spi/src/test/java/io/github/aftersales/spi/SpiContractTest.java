package io.github.aftersales.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the SPI promises plugin authors: every public type states its stability, and it needs nothing but the JDK. */
class SpiContractTest {

    /** Every class of the package, nested ones included, read from the compiled classes. */
    private static List<Class<?>> spiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Scheme.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/github/aftersales/spi"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                out.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        Scheme.class.getClassLoader()));
            }
        }
        return out;
    }

    @Test
    void everyPublicTopLevelTypeStatesItsStabilityAndVersion() throws Exception {
        List<String> unmarked = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : spiClasses()) {
            if (c.getEnclosingClass() != null || c.isSynthetic() || !Modifier.isPublic(c.getModifiers())) {
                continue; // a nested type shares its enclosing type's status (package-info says so)
            }
            checked++;
            Api api = c.getAnnotation(Api.class);
            if (api == null || !api.since().matches("\\d+\\.\\d+")) {
                unmarked.add(c.getName());
            }
        }
        assertThat(unmarked).isEmpty();
        assertThat(checked).as("public types found").isGreaterThanOrEqualTo(16);
    }

    @Test
    void theSpiRefersToNothingButTheJdkAndItself() throws Exception {
        List<String> foreign = new ArrayList<>();
        for (Class<?> c : spiClasses()) {
            for (var m : c.getDeclaredMethods()) {
                List<Class<?>> types = new ArrayList<>(List.of(m.getParameterTypes()));
                types.add(m.getReturnType());
                types.addAll(List.of(m.getExceptionTypes()));
                types.stream().filter(t -> !allowed(t)).forEach(t -> foreign.add(c.getName() + "." + m.getName() + ": " + t));
            }
            for (var f : c.getDeclaredFields()) {
                if (!allowed(f.getType())) {
                    foreign.add(c.getName() + "." + f.getName() + ": " + f.getType());
                }
            }
            if (c.getSuperclass() != null && !allowed(c.getSuperclass())) {
                foreign.add(c.getName() + " extends " + c.getSuperclass());
            }
        }
        assertThat(foreign).isEmpty();
    }

    private static boolean allowed(Class<?> t) {
        while (t.isArray()) {
            t = t.getComponentType();
        }
        String n = t.getName();
        return t.isPrimitive() || n.startsWith("java.") || n.startsWith("io.github.aftersales.spi.");
    }

    /** A resource scheme, as a plugin writes it. */
    static final class Lonely extends ResourceScheme {
        Lonely() {
            super("schemes/lonely");
        }
    }

    @Test
    void aResourceSchemeWithoutThePlatformSaysWhatToAdd() {
        // this module's tests have the SPI alone on their class path, as a plugin's compile does
        assertThatThrownBy(Lonely::new).isInstanceOf(IllegalStateException.class).hasMessage("Cannot read scheme"
                + " schemes/lonely: no reader of scheme resources is on the class path: a ResourceScheme is read by"
                + " the aftersales platform (aftersales-core), which the application supplies; in a scheme's own"
                + " tests add aftersales-testkit in test scope");
    }
}
