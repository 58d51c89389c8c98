package io.github.aftersales.core.registry;

import java.util.ServiceConfigurationError;
import java.util.function.Supplier;

/**
 * The one guard around every call into a plugin's code, from finding its schemes to asking them
 * for their variants. Whatever the plugin throws, an exception or an Error (a class missing from
 * its jar, a stack overflow, a failed assertion), becomes a {@link Failure} saying what was called
 * and what it threw, so that the caller can name the jar and go on without it. A plugin is trusted
 * code running in this process: this guards against its defects, not against malice.
 *
 * <p>The JVM's own errors (out of memory, an internal error of the JVM) are not the plugin's, even
 * when its code was running: the heap is shared and the allocation that failed may be anyone's.
 * They pass through and end the program, as one line (the application says how). A stack overflow
 * is the plugin's: its own recursion, and the stack is unwound by the time it is caught.
 */
final class PluginCall {

    private PluginCall() {
    }

    /** What a plugin's code threw: {@link #call} says what was asked, the message what was thrown. */
    static final class Failure extends Exception {
        private final String call;

        private Failure(String call, Throwable thrown) {
            super(describe(thrown), thrown, false, false);
            this.call = call;
        }

        /** What was asked of the plugin, e.g. {@code version()}. */
        String call() {
            return call;
        }
    }

    /**
     * Runs plugin code.
     *
     * @param call what is asked of the plugin, for the message, e.g. {@code variants()}
     * @throws Failure whatever the plugin threw, but the JVM's own errors
     */
    static <T> T run(String call, Supplier<T> work) throws Failure {
        try {
            return work.get();
        } catch (Throwable thrown) { // Throwable: a plugin can throw a checked exception undeclared, too
            // ServiceLoader wraps what a constructor throws, even the JVM's errors (a JDK class: its cause is plain)
            Throwable inner = thrown instanceof ServiceConfigurationError && thrown.getCause() != null ? thrown.getCause()
                    : thrown;
            if (inner instanceof VirtualMachineError jvm && !(inner instanceof StackOverflowError)) {
                throw jvm;
            }
            throw new Failure(call, thrown);
        }
    }

    /** The message, made safely: reading a plugin's exception runs the plugin's code too. */
    private static String describe(Throwable thrown) {
        try {
            return Messages.failure(thrown);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return thrown.getClass().getName();
        }
    }
}
