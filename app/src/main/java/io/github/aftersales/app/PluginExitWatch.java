package io.github.aftersales.app;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Notices a plugin ending the program while it is loaded ({@code System.exit} in a static
 * initializer or a constructor), which would otherwise end it in silence, often with exit 0.
 *
 * <p>Plugins are trusted code in this process, and Java 17 has no supported way to forbid
 * {@code System.exit} (the SecurityManager is deprecated for removal), so the exit is detected, not
 * prevented: while plugins load, a shutdown hook is registered; if the program ends then through
 * {@code Runtime.exit} (a signal ends it without that call, and is left alone), the hook says which
 * jar was being loaded and halts with {@link ExitCode#SCHEME} in place of the plugin's status. Nothing
 * is written yet while plugins load, so there is no output to lose. A plugin that ends the program
 * later, or with {@code Runtime.halt}, is not detected.
 */
final class PluginExitWatch implements AutoCloseable {

    private final PrintWriter err;
    private final Thread hook = new Thread(this::onExit, "plugin-exit-watch");
    private volatile Path loading;

    private PluginExitWatch(PrintWriter err) {
        this.err = err;
    }

    /** Starts watching; {@link #close} stops. */
    static PluginExitWatch start(PrintWriter err) {
        PluginExitWatch watch = new PluginExitWatch(err);
        Runtime.getRuntime().addShutdownHook(watch.hook);
        return watch;
    }

    /** The jar being loaded from now on. */
    void loading(Path jar) {
        loading = jar;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it decides
        }
    }

    private void onExit() {
        Path jar = loading;
        if (jar != null && exitCalled()) {
            err.println("error: plugin " + jar.toAbsolutePath() + " ended the program (System.exit) while it was"
                    + " loaded; remove it from the plugin directory");
            err.flush();
            Runtime.getRuntime().halt(ExitCode.SCHEME);
        }
    }

    /** Whether some thread is in {@code Runtime.exit}: a program ended by a signal has none. */
    private static boolean exitCalled() {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")) {
                    return true;
                }
            }
        }
        return false;
    }
}
