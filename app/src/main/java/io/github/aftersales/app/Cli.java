package io.github.aftersales.app;

import ch.qos.logback.classic.Level;
import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import io.github.aftersales.app.commands.RootCommand;
import io.github.aftersales.core.evaluation.SchemeFailureException;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.registry.Messages;
import io.github.aftersales.core.registry.SchemeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Builds the configured command line (one place for exit codes and error handling) and runs it.
 * Tests call {@link #run} with their own streams to drive the real CLI.
 */
public final class Cli {

    /** Whether this run has --debug: what only --debug shows is not logged otherwise (nor logging set up for it). */
    private static volatile boolean debugging;

    private Cli() {
    }

    /**
     * Runs the command line and returns the exit code.
     *
     * @param out standard output; a write that fails there (a full disk, a closed pipe) ends the
     *            command with {@link ExitCode#OUTPUT}
     */
    public static int run(String[] args, java.io.OutputStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        io.github.aftersales.app.output.CheckedOutput checked = new io.github.aftersales.app.output.CheckedOutput(out,
                "standard output");
        PrintWriter outWriter = new io.github.aftersales.app.output.StandardOutput(checked);
        PrintWriter errWriter = new io.github.aftersales.app.output.MessageWriter(
                new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8));
        try {
            debugging = debug;
            if (debug || System.getProperty("logback.configurationFile") != null) {
                // the level first, so that what a plugin logs while it is found obeys --debug. Without
                // --debug nor a file of one's own, logging is set up when something first logs (most
                // commands log nothing): QuietLogging's levels are these
                ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                        .setLevel(debug ? Level.DEBUG : Level.WARN);
                // Flyway's failures reach the register as exceptions, said there in one line; its log would
                // repeat them with stack traces
                ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.flywaydb")).setLevel(debug ? null : Level.OFF);
            }
            // the built-in schemes are found on a thread of their own while the injector is set up; the
            // plugins are loaded when a command first asks for the schemes
            Path plugins = pluginDirectory(args);
            AppModule module = AppModule.discovering(plugins, builtIn -> withPlugins(builtIn, plugins, errWriter));
            // no method is intercepted, so Guice need not generate classes (its ASM and generator: about 60
            // classes loaded, and 10 ms of every start): it calls constructors by reflection; a user's setting stays
            if (System.getProperty("guice_bytecode_gen_option") == null) {
                System.setProperty("guice_bytecode_gen_option", "DISABLED");
            }
            // the injector is made on a thread of its own too, while picocli builds and parses the command
            // line: the commands are made without it and reach it only when they first ask for what it provides
            CompletableFuture<Injector> injector = CompletableFuture.supplyAsync(() -> Guice.createInjector(module),
                    work -> {
                        Thread t = new Thread(work, "wire");
                        t.setDaemon(true);
                        t.start();
                    });
            CommandLine cli = commandLine(new GuiceFactory(injector), outWriter, errWriter, debug, args);
            int code = cli.execute(args);
            if (checked.failure() == null) {
                outWriter.flush(); // what is still buffered must reach its place too, or the exit code says not
            }
            if (checked.failure() != null && code != ExitCode.OUTPUT) {
                // failed where no command saw it (picocli printing help): said here, once
                errWriter.println("error: " + checked.failure().getMessage());
                return ExitCode.OUTPUT;
            }
            return code;
        } catch (UserException e) {
            // standard output failed outside a command (picocli's help, the last flush)
            errWriter.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            // start-up itself failed (wiring): a defect, reported as one line
            errWriter.println("error: could not start: " + e.getMessage());
            if (debug) {
                e.printStackTrace(errWriter);
            }
            return ExitCode.INTERNAL;
        } catch (Error e) {
            // an Error a command let through (picocli passes them on): one line, never a trace
            int code = e instanceof VirtualMachineError && !(e instanceof StackOverflowError) ? ExitCode.JVM
                    : ExitCode.INTERNAL;
            errWriter.println(code == ExitCode.JVM ? "error: " + jvmFailure(e)
                    : "internal error: " + Messages.failure(e) + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                e.printStackTrace(errWriter);
            }
            return code;
        } finally {
            if (checked.failure() == null) {
                try {
                    outWriter.flush();
                } catch (UserException e) {
                    errWriter.println("error: " + e.getMessage());
                }
            }
            errWriter.flush();
        }
    }

    /**
     * The JVM's own failure (out of memory, an internal error), which is neither this program's
     * defect nor a plugin's, even when a plugin's code was running: the heap is shared. What was
     * written before stays; a file being written with -o was removed (its sink is closed on the way
     * out).
     */
    private static String jvmFailure(Error e) {
        return e instanceof OutOfMemoryError ? "out of memory (" + e.getMessage() + "): the command stopped; run it"
                + " with more, e.g. java -Xmx4g -jar aftersales.jar …" : "the Java virtual machine failed ("
                + Messages.failure(e) + "): the command stopped";
    }

    /**
     * The built-in schemes and the plugins' ({@code null}: none), loaded when a command first asks
     * for them. A plugin ending the program while it loads is named ({@link PluginExitWatch}). Each
     * scheme that could not be installed is one warning line, like SLF4J 2 reporting a provider it
     * could not load, and the rest carry on.
     */
    static SchemeRegistry withPlugins(SchemeRegistry builtIn, Path directory, PrintWriter err) {
        SchemeRegistry all = builtIn;
        if (directory != null) {
            try (PluginExitWatch watch = PluginExitWatch.start(err)) {
                all = builtIn.withPlugins(Cli.class.getClassLoader(), directory, watch::loading);
            }
        }
        // metadata only: a plugin's were read once, when it was loaded
        if (debugging) {
            org.slf4j.Logger log = LoggerFactory.getLogger(Cli.class);
            all.installed().forEach(i -> log.debug("scheme {} {} from {}", i.scheme().id(), i.scheme().version(),
                    i.origin()));
        }
        for (SchemeRegistry.Problem p : all.problems()) {
            err.println("warning: " + p.origin() + ": " + p.message());
        }
        return all;
    }

    /** The environment variable naming the plugin directory when --plugins is not given. */
    public static final String PLUGINS_ENV = "AFTERSALES_PLUGINS";

    /**
     * The plugin directory: {@code --plugins DIR}, else {@code $AFTERSALES_PLUGINS}, else
     * {@code ~/.aftersales/plugins} when it exists, else none. Read before the command line is
     * parsed, because the schemes it holds are part of what the commands are built with.
     */
    static Path pluginDirectory(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plugins") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--plugins=")) {
                return Path.of(args[i].substring("--plugins=".length()));
            }
        }
        String env = System.getenv(PLUGINS_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        // $HOME as the shell means it (as the register's location does), else Java's idea of it
        String homeEnv = System.getenv("HOME");
        Path home = (homeEnv == null || homeEnv.isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(homeEnv))
                .resolve(".aftersales").resolve("plugins");
        return Files.isDirectory(home) ? home : null;
    }

    static CommandLine commandLine(GuiceFactory factory, PrintWriter out, PrintWriter err, boolean debug,
            String[] commandLine) {
        CommandLine cli = new CommandLine(RootCommand.class, factory);
        // only the command named, when one is, and none for --version alone: the others, their options and
        // what they name are not made (help and the "did you mean" of a misspelt one need them all, and get them all)
        String named = commandNamed(commandLine);
        boolean known = RootCommand.SUBCOMMANDS.stream().anyMatch(c -> nameOf(c).equals(named));
        boolean versionAlone = commandLine.length == 1 && (commandLine[0].equals("--version") || commandLine[0].equals("-V"));
        for (Class<?> command : RootCommand.SUBCOMMANDS) {
            if (!versionAlone && (!known || nameOf(command).equals(named))) {
                cli.addSubcommand(nameOf(command), new CommandLine(command, factory));
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(java.time.LocalDate.class, value -> {
            try {
                return java.time.LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date like 2026-11-20");
            }
        });
        // help and version text written where output fails (a full disk): one line, exit 4, no trace
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(parseResult -> {
            try {
                return runLast.execute(parseResult);
            } catch (UserException e) {
                err.println("error: " + e.getMessage());
                return e.exitCode();
            }
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            // a file named like an option ("-rf.json") is read after --, which ends the options
            Arrays.stream(args).filter(a -> a.startsWith("-") && a.length() > 1 && isFile(a))
                    .findFirst().ifPresent(a -> c.getErr().println("To read the file '" + a + "', put -- before it: "
                            + c.getCommandSpec().qualifiedName() + " … -- " + a));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((thrown, c, parseResult) -> {
            Exception ex = thrown;
            // what a provider threw (the schemes are loaded through one), as it was thrown, not Guice's report of it
            if (thrown instanceof com.google.inject.ProvisionException p && p.getCause() != null) {
                if (p.getCause() instanceof Error error) {
                    throw error; // reported by run(), as every Error
                }
                ex = p.getCause() instanceof Exception e ? e : thrown;
            }
            int code;
            if (ex instanceof LocatedException) {
                c.getErr().println("error: " + ex.getMessage());
                code = ExitCode.INPUT;
            } else if (ex instanceof SchemeFailureException f) {
                c.getErr().println("error: " + factory.injector().getInstance(SchemeRegistry.class).describe(f));
                code = ExitCode.SCHEME;
            } else if (ex instanceof io.github.aftersales.register.RegisterException r) {
                c.getErr().println("error: " + r.getMessage());
                code = switch (r.kind()) {
                    case NOT_FOUND, INPUT -> ExitCode.INPUT;
                    case REFUSED -> ExitCode.REFUSED;
                    case DATABASE -> ExitCode.DATABASE;
                };
            } else if (ex instanceof UserException u) {
                c.getErr().println("error: " + u.getMessage());
                code = u.exitCode();
            } else {
                c.getErr().println("internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
                code = ExitCode.INTERNAL;
            }
            if (debug) {
                ex.printStackTrace(c.getErr());
            }
            return code;
        });
        return cli;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(CommandLine.Command.class).name();
    }

    /**
     * The first word of the command line that is not an option (nor {@code --plugins}' value), or
     * {@code null}: the subcommand, if it names one.
     */
    static String commandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return null;
            } else if (args[i].equals("--plugins")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    private static boolean isFile(String name) {
        try {
            return Files.isRegularFile(Path.of(name));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * Lets Guice create the commands so they get the schemes and the engine injected, without waiting for
     * the injector where it can: a class whose {@code @Inject} constructor takes only providers is made at
     * once, each provider asking the injector when first called; a class with no {@code @Inject} (picocli's
     * mixins and converters) is made by picocli; any other by the injector.
     */
    static final class GuiceFactory implements CommandLine.IFactory {
        private final CompletableFuture<Injector> injector;

        GuiceFactory(CompletableFuture<Injector> injector) {
            this.injector = injector;
        }

        /** The injector, once made; what making it threw, as it was thrown. */
        Injector injector() {
            return AppModule.joined(injector);
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<?> inject = null;
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.isAnnotationPresent(jakarta.inject.Inject.class)
                        || c.isAnnotationPresent(com.google.inject.Inject.class)) {
                    inject = c;
                }
            }
            if (inject != null && Arrays.stream(inject.getParameterTypes()).allMatch(p -> p == jakarta.inject.Provider.class)
                    && !injectsMembers(type)) {
                java.lang.reflect.Type[] parameters = inject.getGenericParameterTypes();
                Object[] providers = new Object[parameters.length];
                for (int i = 0; i < parameters.length; i++) {
                    Key<?> key = Key.get(((ParameterizedType) parameters[i]).getActualTypeArguments()[0]);
                    providers[i] = (jakarta.inject.Provider<Object>) () -> injector().getInstance(key);
                }
                inject.setAccessible(true);
                return type.cast(inject.newInstance(providers));
            }
            if (inject == null && !injectsMembers(type)) {
                return CommandLine.defaultFactory().create(type);
            }
            try {
                return injector().getInstance(type);
            } catch (ConfigurationException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }

        /** Whether Guice would inject a field or method of {@code type} or of a class it extends. */
        private static boolean injectsMembers(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (f.isAnnotationPresent(jakarta.inject.Inject.class)
                            || f.isAnnotationPresent(com.google.inject.Inject.class)) {
                        return true;
                    }
                }
                for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(jakarta.inject.Inject.class)
                            || m.isAnnotationPresent(com.google.inject.Inject.class)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
