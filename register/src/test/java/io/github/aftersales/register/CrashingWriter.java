package io.github.aftersales.register;

import java.time.LocalDate;

/**
 * Run in a child JVM by {@link RegisterDurabilityTest}: starts a write and stops dead inside its
 * transaction at a named step, saying so on standard output, until the test kills the process.
 *
 * <p>Arguments: JDBC URL, user (or empty), the step to stop at ("creating the schema" or "schema
 * created" during the first record, "certificate inserted" during a record, "event inserted"
 * during an incident on certificate 1).
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        RegisterSettings settings = new RegisterSettings(args[0], args[1].isEmpty() ? null : args[1], null, "crash test");
        String stopAt = args[2];
        java.util.function.Consumer<String> stop = step -> {
            if (step.equals(stopAt)) {
                System.out.println("REACHED " + step);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        RegisterDatabase.creating = stop; // "creating the schema", "schema created": the very first record
        Register register = Register.open(settings, Register.Access.WRITE);
        register.steps = stop;
        if (stopAt.equals("event inserted")) {
            register.incident("1", Fixtures::variantOf, "negativeInformation", LocalDate.of(2026, 11, 1), "crash");
        } else {
            register.record("Crash Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
        }
        System.out.println("NOT STOPPED");
    }
}
