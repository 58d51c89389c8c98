package io.github.aftersales.app.commands.service;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.app.commands.register.RegisterLocation;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ServiceDatabase;
import io.github.aftersales.service.accounts.SignIns;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code accounts}: the service's accounts and API tokens, in the register's database. */
@Command(name = "accounts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The accounts of 'aftersales serve' and their API tokens, kept in the register's database."
                + " A token is printed once, when it is made (alone on standard output, for a script to keep), and"
                + " stored only as its hash. Every change is recorded with who made it.",
            "Roles: admin (accounts, settings), manager (reviews and decides, sees everything), auditor (fills the"
                + " assessments assigned to them)."},
        subcommands = {AccountsCommand.Add.class, AccountsCommand.ListAccounts.class, AccountsCommand.Token.class,
            AccountsCommand.Revoke.class, AccountsCommand.Password.class, AccountsCommand.ChangeRole.class,
            AccountsCommand.Disable.class, AccountsCommand.Enable.class})
public final class AccountsCommand implements Callable<Integer> {

    @Option(names = "--register", scope = ScopeType.INHERIT, paramLabel = "URL|DIR",
            description = "The register's database, as for 'register' and 'serve'.")
    String location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: name an accounts command: add, list, token, revoke, password, role,"
                + " disable or enable");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** Runs {@code work} on the accounts, the database open for it alone. */
    <T> T withAccounts(Function<Accounts, T> work) {
        return withSignIns(s -> work.apply(s.accounts()));
    }

    /** Runs {@code work} on the accounts' passwords and sessions, the database open for it alone. */
    <T> T withSignIns(Function<SignIns, T> work) {
        try (ServiceDatabase db = ServiceDatabase.open(RegisterLocation.fromEnvironment(location))) {
            Accounts accounts = new Accounts(db.jdbi(), Clock.systemDefaultZone());
            return work.apply(new SignIns(db.jdbi(), Clock.systemDefaultZone(), accounts));
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        } catch (java.util.NoSuchElementException e) {
            throw new UserException(ExitCode.INPUT, e.getMessage()); // as the register's "no certificate"
        } catch (Accounts.Refused e) {
            throw new UserException(ExitCode.REFUSED, e.getMessage()); // the last admin, one's own account
        }
    }

    static Accounts.Actor actor() {
        return new Accounts.Actor(System.getProperty("user.name", "unknown"), Accounts.Actor.COMMAND_LINE);
    }

    static void printToken(CommandSpec spec, Accounts.NewToken made, String what) {
        spec.commandLine().getErr().println(what + "; token " + made.id() + " of " + made.account() + " ("
                + made.role().key() + ") follows, shown this once: keep it where only they can read it");
        PrintWriter out = spec.commandLine().getOut();
        out.println(made.token());
        out.flush();
    }

    /** {@code accounts add NAME --role ROLE}. */
    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Add an account and print its first API token. The first admin is made this way: there is"
                    + " no default account or password.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "1 to 64 lower-case letters, digits, '.', '_' or '-'.")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, manager or auditor.")
        String role;

        @Override
        public Integer call() {
            Role r = Role.fromKey(role).orElseThrow(() -> new UserException(ExitCode.USAGE,
                    "--role: '" + role + "' is not one of admin, manager, auditor"));
            printToken(spec, parent.withAccounts(a -> a.add(name, r, actor())), "added account " + name);
            return ExitCode.OK;
        }
    }

    /** {@code accounts list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List the accounts, their roles and how many tokens each has that are not revoked; with"
                    + " --tokens, every token by its number (to revoke one), label and dates.")
    static final class ListAccounts implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--tokens", description = "List the tokens instead: number, account, label, made, revoked.")
        boolean tokens;

        @Override
        public Integer call() {
            if (tokens) {
                PrintWriter out = spec.commandLine().getOut();
                var all = parent.withAccounts(Accounts::tokens);
                for (Accounts.TokenInfo t : all) {
                    out.printf("%-6d %-24s %-24s made %s%s%n", t.id(), t.account(),
                            io.github.aftersales.reports.Printable.of(t.label()), t.createdAt().toLocalDate(),
                            t.revokedAt() == null ? "" : ", revoked " + t.revokedAt().toLocalDate());
                }
                out.println(all.size() + (all.size() == 1 ? " token" : " tokens"));
                return ExitCode.OK;
            }
            var all = parent.withAccounts(Accounts::list);
            PrintWriter out = spec.commandLine().getOut();
            for (Accounts.Account a : all) {
                out.printf("%-24s %-8s %d token%s  added %s%s%n", a.name(), a.role().key(), a.activeTokens(),
                        a.activeTokens() == 1 ? "" : "s", a.createdAt().toLocalDate(), a.disabled() ? "  disabled" : "");
            }
            out.println(all.size() + (all.size() == 1 ? " account" : " accounts"));
            return ExitCode.OK;
        }
    }

    /** {@code accounts token NAME}. */
    @Command(name = "token", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Make another API token for an account (for another program, or to replace a lost one:"
                    + " then revoke the lost one).")
    static final class Token implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--label", paramLabel = "TEXT", defaultValue = "token",
                description = "What the token is for, shown in the history: 1 to " + Accounts.MAX_LABEL
                        + " characters (default: ${DEFAULT-VALUE}).")
        String label;

        @Override
        public Integer call() {
            printToken(spec, parent.withAccounts(a -> a.issueToken(name, label, actor())), "made a token");
            return ExitCode.OK;
        }
    }

    /** {@code accounts revoke TOKEN-ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Revoke a token by its number (printed when it was made): it signs no one in from the next"
                    + " request on.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "TOKEN-ID")
        long id;

        @Override
        public Integer call() {
            parent.withAccounts(a -> {
                a.revoke(id, actor());
                return null;
            });
            spec.commandLine().getOut().println("revoked token " + id);
            return ExitCode.OK;
        }
    }

    /** {@code accounts role NAME ROLE}. */
    @Command(name = "role", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Change an account's role: from its next request on it has the new one, its sessions and"
                    + " tokens too. The last admin (not disabled) keeps the role: make another account admin first.")
    static final class ChangeRole implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "ROLE", description = "admin, manager or auditor.")
        String role;

        @Override
        public Integer call() {
            Role r = Role.fromKey(role).orElseThrow(() -> new UserException(ExitCode.USAGE,
                    "ROLE: '" + role + "' is not one of admin, manager, auditor"));
            boolean changed = parent.withAccounts(a -> a.setRole(name, r, actor()));
            spec.commandLine().getOut().println(changed ? "the role of " + name + " is now " + r.key()
                    : name + " is " + r.key() + " already; nothing changed");
            return ExitCode.OK;
        }
    }

    /** {@code accounts disable NAME}. */
    @Command(name = "disable", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Disable an account: it signs in no more, its sessions end and its tokens sign no one in;"
                    + " what it did stays. The last admin (not disabled) cannot be disabled; 'enable' undoes it.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            boolean changed = parent.withAccounts(a -> a.setDisabled(name, true, actor()));
            spec.commandLine().getOut().println(changed ? "disabled " + name + "; its sessions are ended"
                    : name + " is disabled already; nothing changed");
            return ExitCode.OK;
        }
    }

    /** {@code accounts enable NAME}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Enable a disabled account again: its password and tokens sign it in again.")
    static final class Enable implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            boolean changed = parent.withAccounts(a -> a.setDisabled(name, false, actor()));
            spec.commandLine().getOut().println(changed ? "enabled " + name : name + " is enabled already; nothing"
                    + " changed");
            return ExitCode.OK;
        }
    }

    /** {@code accounts password NAME}. */
    @Command(name = "password", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Set an account's password, for signing in to a browser session (POST /api/v1/session)."
                    + " Its earlier password stops working and its open sessions end. The password is typed twice on"
                    + " the terminal, not shown, or read from the first line of standard input with --stdin; it is"
                    + " kept only as its Argon2id hash and never printed or logged.",
                "A password is " + SignIns.SHORTEST_PASSWORD + " to " + SignIns.LONGEST_PASSWORD + " characters."})
    static final class Password implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--stdin", description = "Read the password from the first line of standard input (a script's"
                + " way: nothing on the command line, where other users could see it).")
        boolean stdin;

        @Override
        public Integer call() {
            String password = stdin ? fromStdin() : typed();
            parent.withSignIns(s -> {
                s.setPassword(name, password, actor());
                return null;
            });
            spec.commandLine().getOut().println("set the password of " + name + "; its sessions are ended");
            return ExitCode.OK;
        }

        private static String fromStdin() {
            try {
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8));
                String line = in.readLine();
                if (line == null) {
                    throw new UserException(ExitCode.USAGE, "--stdin: standard input is empty: send the password on"
                            + " its first line");
                }
                return line;
            } catch (java.io.IOException e) {
                throw new UserException(ExitCode.USAGE, "--stdin: cannot read standard input: " + e.getMessage());
            }
        }

        private String typed() {
            java.io.Console console = System.console();
            if (console == null) {
                throw new UserException(ExitCode.USAGE, "no terminal to type the password on: send it on standard"
                        + " input with --stdin");
            }
            char[] first = console.readPassword("new password for %s: ", name);
            char[] again = console.readPassword("the same again: ");
            if (first == null || again == null) {
                throw new UserException(ExitCode.USAGE, "no password was typed");
            }
            if (!java.util.Arrays.equals(first, again)) {
                throw new UserException(ExitCode.USAGE, "the two passwords differ; nothing was changed");
            }
            return new String(first);
        }
    }
}
