package io.github.aftersales.app;

/** The command-line entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // not System.out: a PrintStream hides a failed write (a full disk, a closed pipe), and the
        // command must see it to exit 4 instead of 0
        System.exit(Cli.run(args, new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), System.err));
    }
}
