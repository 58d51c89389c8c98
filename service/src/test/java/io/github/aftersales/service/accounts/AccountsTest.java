package io.github.aftersales.service.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.register.Databases;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Accounts and tokens on both databases, beside a register. */
class AccountsTest {

    private static final Accounts.Actor CLI = new Accounts.Actor("root", "command line");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aTokenSignsItsAccountInUntilItIsRevoked(Databases database) {
        try (ServiceDatabase db = ServiceDatabase.open(database.fresh(dir))) {
            Accounts accounts = new Accounts(db.jdbi(), Clock.systemUTC());
            Accounts.NewToken admin = accounts.add("ada", Role.ADMIN, CLI);
            Accounts.NewToken auditor = accounts.add("zhang.san", Role.AUDITOR, CLI);
            assertThat(admin.token()).startsWith("ast_").hasSize(4 + 43);
            assertThat(admin.toString()).doesNotContain(admin.token());
            assertThat(accounts.byToken(admin.token())).contains(new Caller("ada", Role.ADMIN));
            assertThat(accounts.byToken(auditor.token())).contains(new Caller("zhang.san", Role.AUDITOR));
            // a token one character off, another's prefix, or nothing: no one
            String off = auditor.token().substring(0, auditor.token().length() - 1)
                    + (auditor.token().endsWith("A") ? "B" : "A");
            assertThat(accounts.byToken(off)).isEmpty();
            assertThat(accounts.byToken("ast_")).isEmpty();
            assertThat(accounts.byToken("' OR '1'='1")).isEmpty();

            Accounts.NewToken second = accounts.issueToken("zhang.san", "laptop", CLI);
            accounts.revoke(auditor.id(), CLI);
            accounts.revoke(auditor.id(), CLI); // again: nothing changes
            assertThat(accounts.byToken(auditor.token())).isEmpty();
            assertThat(accounts.byToken(second.token())).contains(new Caller("zhang.san", Role.AUDITOR));
            List<Accounts.Account> listed = accounts.list();
            assertThat(listed).extracting(Accounts.Account::name).containsExactly("ada", "zhang.san");
            assertThat(listed).extracting(Accounts.Account::activeTokens).containsExactly(1, 1);

            // what the database holds signs no one in: only the hash of each token is stored
            List<String> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM service_token")
                    .mapTo(String.class).list());
            assertThat(stored).hasSize(3).noneMatch(hash -> hash.contains(admin.token().substring(4)))
                    .contains(Accounts.sha256(admin.token()));
            List<String> changes = db.jdbi().withHandle(h -> h.createQuery("SELECT what FROM service_change ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(changes).containsExactly("added account ada (admin)", "issued token 1 (first token) to ada",
                    "added account zhang.san (auditor)", "issued token 2 (first token) to zhang.san",
                    "issued token 3 (laptop) to zhang.san", "revoked token 2 of zhang.san");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void namesAreCheckedAndTakenOnce(Databases database) {
        try (ServiceDatabase db = ServiceDatabase.open(database.fresh(dir))) {
            Accounts accounts = new Accounts(db.jdbi(), Clock.systemUTC());
            accounts.add("mia", Role.MANAGER, CLI);
            assertThatThrownBy(() -> accounts.add("mia", Role.AUDITOR, CLI)).hasMessage("the account mia exists already");
            assertThatThrownBy(() -> accounts.add("Mia Li", Role.AUDITOR, CLI)).hasMessageStartingWith(
                    "'Mia Li' is not an account name");
            assertThatThrownBy(() -> accounts.revoke(99, CLI)).isInstanceOf(java.util.NoSuchElementException.class)
                    .hasMessage("no token 99");
            assertThatThrownBy(() -> accounts.issueToken("nobody", "x", CLI))
                    .isInstanceOf(java.util.NoSuchElementException.class).hasMessage("no account nobody");
            assertThat(accounts.list()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void theRegisterBesideTheServiceTablesStillOpensAndRecords(Databases database) {
        var settings = database.fresh(dir);
        try (ServiceDatabase db = ServiceDatabase.open(settings)) {
            new Accounts(db.jdbi(), Clock.systemUTC()).add("ada", Role.ADMIN, CLI);
        }
        // opened again (both migration histories current), and the register reads as a register
        try (ServiceDatabase db = ServiceDatabase.open(settings)) {
            assertThat(new Accounts(db.jdbi(), Clock.systemUTC()).list()).hasSize(1);
        }
        try (var register = io.github.aftersales.register.Register.open(settings,
                io.github.aftersales.register.Register.Access.READ)) {
            assertThat(register.list("")).isEmpty();
        }
    }

    /**
     * A role changed, an account disabled and enabled again, on both databases: each a row appended (the account's
     * own row unchanged), its token and sessions following at once; the last admin stays, and no admin disables
     * their own account.
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void rolesChangeAndAccountsAreDisabledByTheRules(Databases database) {
        try (ServiceDatabase db = ServiceDatabase.open(database.fresh(dir))) {
            Accounts accounts = new Accounts(db.jdbi(), Clock.systemUTC());
            SignIns signIns = new SignIns(db.jdbi(), Clock.systemUTC(), accounts);
            Accounts.Actor ada = new Accounts.Actor("ada", "http 127.0.0.1");
            accounts.add("ada", Role.ADMIN, CLI);
            Accounts.NewToken li = accounts.add("li", Role.AUDITOR, CLI);
            signIns.setPassword("li", "li's long password", CLI);
            SignIns.SignedIn session = (SignIns.SignedIn) signIns.signIn("li", "li's long password", "test", null);

            assertThat(accounts.setRole("li", Role.MANAGER, ada)).isTrue();
            assertThat(accounts.setRole("li", Role.MANAGER, ada)).isFalse();
            assertThat(accounts.byToken(li.token())).contains(new Caller("li", Role.MANAGER));
            assertThat(signIns.bySession(session.secret())).contains(new Caller("li", Role.MANAGER));
            assertThat(accounts.roleOf("li")).contains(Role.MANAGER);

            assertThat(accounts.setDisabled("li", true, ada)).isTrue();
            assertThat(accounts.byToken(li.token())).isEmpty();
            assertThat(signIns.bySession(session.secret())).isEmpty();
            assertThat(signIns.signIn("li", "li's long password", "test", null)).isInstanceOf(SignIns.Refused.class);
            assertThat(accounts.roleOf("li")).isEmpty();
            assertThatThrownBy(() -> accounts.issueToken("li", "laptop", CLI)).isInstanceOf(Accounts.Refused.class)
                    .hasMessage("the account li is disabled, so a token for it would sign no one in: enable it first"
                            + " (aftersales accounts enable li)");
            assertThat(accounts.list()).filteredOn(a -> a.name().equals("li")).extracting(Accounts.Account::disabled)
                    .containsExactly(true);
            assertThat(accounts.setDisabled("li", false, ada)).isTrue();
            assertThat(accounts.byToken(li.token())).contains(new Caller("li", Role.MANAGER));
            // the session ended when the account was disabled, and enabling it does not bring it back
            assertThat(signIns.bySession(session.secret())).isEmpty();
            assertThat(signIns.signIn("li", "li's long password", "test", null)).isInstanceOf(SignIns.SignedIn.class);

            assertThatThrownBy(() -> accounts.setDisabled("ada", true, ada)).isInstanceOf(Accounts.Refused.class)
                    .hasMessage("you cannot disable your own account, ada: another admin does it");
            assertThatThrownBy(() -> accounts.setRole("ada", Role.AUDITOR, ada)).isInstanceOf(Accounts.Refused.class)
                    .hasMessage("ada is the last admin: make another account admin before changing the role of ada");
            assertThatThrownBy(() -> accounts.setDisabled("ada", true, CLI)).isInstanceOf(Accounts.Refused.class)
                    .hasMessage("ada is the last admin: make another account admin before disabling ada");
            assertThatThrownBy(() -> accounts.setRole("nobody", Role.AUDITOR, ada))
                    .isInstanceOf(java.util.NoSuchElementException.class).hasMessage("no account nobody");
            // a disabled admin keeps no one out: it does not count as the one left
            accounts.setRole("li", Role.ADMIN, ada);
            accounts.setDisabled("li", true, ada);
            assertThatThrownBy(() -> accounts.setRole("ada", Role.MANAGER, CLI)).isInstanceOf(Accounts.Refused.class);
            accounts.setDisabled("li", false, ada);
            assertThat(accounts.setRole("ada", Role.MANAGER, CLI)).isTrue();

            // appended, never updated: the accounts' own rows are as they were made
            List<String> made = db.jdbi().withHandle(h -> h.createQuery("SELECT role FROM service_account ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(made).containsExactly("admin", "auditor");
            List<String> changes = db.jdbi().withHandle(h -> h.createQuery("SELECT what FROM service_change ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(changes).contains("changed the role of li from auditor to manager", "disabled account li",
                    "enabled account li", "changed the role of ada from admin to manager");
        }
    }

    /**
     * The operator on the command line is not an account, though the login they run it under ({@code root} here) may
     * share an account's name: they disable that account as any other, and no admin's own rule applies to them.
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void theCommandLineDisablesAnAccountNamedAsItsLogin(Databases database) {
        try (ServiceDatabase db = ServiceDatabase.open(database.fresh(dir))) {
            Accounts accounts = new Accounts(db.jdbi(), Clock.systemUTC());
            accounts.add("ada", Role.ADMIN, CLI);
            Accounts.NewToken root = accounts.add("root", Role.ADMIN, CLI);
            assertThat(accounts.setDisabled("root", true, CLI)).isTrue();
            assertThat(accounts.byToken(root.token())).isEmpty();
            // signed in as root, root's own account still is not theirs to disable
            accounts.setDisabled("root", false, CLI);
            assertThatThrownBy(() -> accounts.setDisabled("root", true, new Accounts.Actor("root", "http 127.0.0.1")))
                    .isInstanceOf(Accounts.Refused.class)
                    .hasMessage("you cannot disable your own account, root: another admin does it");
        }
    }
}
