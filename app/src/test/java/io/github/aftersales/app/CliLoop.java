package io.github.aftersales.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Run as an OS process of its own by {@link RegisterProcessesTest}: one auditor's loop of register
 * commands through the real command line, each opening and closing the register as the CLI does.
 * Prints a line per command: {@code EXIT code|standard error, its line breaks escaped}.
 *
 * <p>Arguments: the register directory, the auditor's name, how many certificates to record and then surveil.
 */
public final class CliLoop {

    private CliLoop() {
    }

    public static void main(String[] args) {
        String register = args[0];
        String auditor = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 1; i <= count; i++) {
            run("register", "record", "examples/cqm/cqm-five-star.json", "--reference", auditor + "-" + i,
                    "--register", register);
        }
        for (int i = 1; i <= count; i++) {
            run("register", "surveil", auditor + "-" + i, "examples/cqm/surveillance-downgrade.json", "--register",
                    register);
        }
        System.out.flush();
    }

    private static void run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        System.out.println("EXIT " + exit + "|" + err.toString(StandardCharsets.UTF_8).replace("\n", "\\n"));
    }
}
