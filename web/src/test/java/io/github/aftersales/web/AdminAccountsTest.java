package io.github.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.service.SessionCookie;
import io.github.aftersales.service.accounts.Accounts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin changes accounts from the admin's page: a new account with its first password, a role, disabling and
 * enabling, a generated password shown once, an API token made (shown once) and revoked; by the accounts' rules (no
 * one disables their own account, the last admin stays, a disabled account gets no token), each change in the change
 * log.
 * No one else may (403), and no other site's page (CSRF).
 */
class AdminAccountsTest {

    private WebService web;

    @BeforeEach
    void start() {
        web = new WebService();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> signInAs(String account, String password) throws Exception {
        return web.send(web.request("/sign-in").header("Content-Type", "application/x-www-form-urlencoded").POST(
                HttpRequest.BodyPublishers.ofString("account=" + account + "&password=" + java.net.URLEncoder.encode(
                        password, java.nio.charset.StandardCharsets.UTF_8))).build());
    }

    /** The cookie of a new session of {@code account}. */
    private String signIn(String account) throws Exception {
        HttpResponse<String> r = signInAs(account, WebService.password(account));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private static String csrf(String cookie) {
        return SessionCookie.csrfToken(cookie.substring(cookie.indexOf('=') + 1));
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        return web.send(web.request(path).header("Cookie", cookie).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> open(String path, String cookie) throws Exception {
        return web.send(web.request(path).header("Cookie", cookie).build());
    }

    private static String message(HttpResponse<String> r) {
        return Jsoup.parse(r.body()).selectFirst("#admin-message").text();
    }

    private List<String> changes(String ada) throws Exception {
        return Jsoup.parse(open("/admin", ada).body()).select("#changes tbody tr td:nth-child(4)").eachText();
    }

    @Test
    void anAdminChangesARoleAndItHoldsFromTheNextRequest() throws Exception {
        String ada = signIn("ada");
        String li = signIn("li");
        assertThat(open("/register", li).statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(open("/admin", ada).body());
        assertThat(page.select("#role-li option[selected]").eachAttr("value")).containsExactly("auditor");
        assertThat(page.selectFirst("label[for=role-li]").text()).isEqualTo("li 的角色");

        HttpResponse<String> changed = post("/admin/accounts/li/role", ada, "_csrf=" + csrf(ada) + "&role=manager");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(message(changed)).isEqualTo("li 的角色已改为经理。");
        Document after = Jsoup.parse(changed.body());
        assertThat(after.select("#account-li td").subList(0, 2).stream().map(e -> e.text()).toList())
                .containsExactly("li", "经理");
        // li's open session is a manager's now
        assertThat(open("/register", li).statusCode()).isEqualTo(200);
        assertThat(changes(ada)).contains("changed the role of li from auditor to manager");
        assertThat(message(post("/admin/accounts/li/role", ada, "_csrf=" + csrf(ada) + "&role=manager")))
                .isEqualTo("无需变更：li 已是如此。");

        HttpResponse<String> bad = post("/admin/accounts/li/role", ada, "_csrf=" + csrf(ada) + "&role=root");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(message(bad)).isEqualTo("role: 'root' is not one of admin, manager, auditor");
        HttpResponse<String> none = post("/admin/accounts/nobody/role", ada, "_csrf=" + csrf(ada) + "&role=manager");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(message(none)).isEqualTo("no account nobody");
    }

    @Test
    void theLastAdminStaysAndNoAdminDisablesThemself() throws Exception {
        String ada = signIn("ada");
        // no Disable button on one's own row; posted anyway, refused
        Document page = Jsoup.parse(open("/admin", ada).body());
        assertThat(page.select("#account-ada form.disable")).isEmpty();
        assertThat(page.select("#account-mia form.disable")).hasSize(1);
        HttpResponse<String> self = post("/admin/accounts/ada/disable", ada, "_csrf=" + csrf(ada));
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(message(self)).isEqualTo("you cannot disable your own account, ada: another admin does it");
        HttpResponse<String> last = post("/admin/accounts/ada/role", ada, "_csrf=" + csrf(ada) + "&role=manager");
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(message(last)).isEqualTo("ada is the last admin: make another account admin before changing the"
                + " role of ada");
        assertThat(Jsoup.parse(last.body()).selectFirst("#admin-message").attr("role")).isEqualTo("alert");

        // with a second admin, ada may step down; then mia is the last, and ada (a manager now) may not open the page
        assertThat(post("/admin/accounts/mia/role", ada, "_csrf=" + csrf(ada) + "&role=admin").statusCode())
                .isEqualTo(200);
        assertThat(post("/admin/accounts/ada/role", ada, "_csrf=" + csrf(ada) + "&role=manager").statusCode())
                .isEqualTo(200);
        assertThat(open("/admin", ada).statusCode()).isEqualTo(403);
        String mia = signIn("mia");
        HttpResponse<String> lastAgain = post("/admin/accounts/mia/role", mia, "_csrf=" + csrf(mia) + "&role=auditor");
        assertThat(lastAgain.statusCode()).isEqualTo(409);
        assertThat(message(lastAgain)).startsWith("mia is the last admin");
        // the last admin cannot be disabled by anyone else either: through the accounts, as the command line does
        Accounts accounts = web.signIns.accounts();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.setDisabled("mia", true,
                new Accounts.Actor("someone", "command line"))).isInstanceOf(Accounts.Refused.class)
                .hasMessage("mia is the last admin: make another account admin before disabling mia");
    }

    @Test
    void aDisabledAccountSignsInNoMoreUntilEnabled() throws Exception {
        String ada = signIn("ada");
        String zhang = signIn("zhang");
        String token = web.signIns.accounts().issueToken("zhang", "laptop", new Accounts.Actor("test", "test")).token();
        assertThat(web.send(web.request("/api/v1/assessments").header("Authorization", "Bearer " + token).build())
                .statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = post("/admin/accounts/zhang/disable", ada, "_csrf=" + csrf(ada));
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(message(disabled)).isEqualTo("zhang 已停用：不能再登录，其会话已结束，其令牌不再有效。");
        assertThat(Jsoup.parse(disabled.body()).select("#account-zhang td").get(4).text()).isEqualTo("已停用");
        // its session has ended, its token signs no one in, and signing in is refused as a wrong password is
        HttpResponse<String> again = open("/assessments", zhang);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains("/sign-in");
        assertThat(web.send(web.request("/api/v1/assessments").header("Authorization", "Bearer " + token).build())
                .statusCode()).isEqualTo(401);
        HttpResponse<String> refused = signInAs("zhang", WebService.password("zhang"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(refused.body()).text()).contains("账号或密码错误");
        // an assessment cannot be assigned to it
        assertThat(web.signIns.accounts().roleOf("zhang")).isEmpty();

        HttpResponse<String> enabled = post("/admin/accounts/zhang/enable", ada, "_csrf=" + csrf(ada));
        assertThat(message(enabled)).isEqualTo("zhang 已重新启用。");
        // the state column says what the account is (已启用), not the button's action (启用)
        assertThat(Jsoup.parse(enabled.body()).select("#account-zhang td").get(4).text()).isEqualTo("已启用");
        assertThat(signInAs("zhang", WebService.password("zhang")).statusCode()).isEqualTo(303);
        assertThat(web.send(web.request("/api/v1/assessments").header("Authorization", "Bearer " + token).build())
                .statusCode()).isEqualTo(200);
        assertThat(changes(ada)).contains("disabled account zhang", "enabled account zhang");
    }

    @Test
    void aNewPasswordIsGeneratedAndShownOnce() throws Exception {
        String ada = signIn("ada");
        String li = signIn("li");
        HttpResponse<String> made = post("/admin/accounts/li/password", ada, "_csrf=" + csrf(ada));
        assertThat(made.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(made.body());
        String password = page.selectFirst("#new-password code").text();
        assertThat(password).matches("[a-hj-km-np-z2-9]{4}(-[a-hj-km-np-z2-9]{4}){4}");
        assertThat(message(made)).isEqualTo("已为 li 生成新密码；原密码不再有效，其会话已结束。");
        // the earlier password and li's session end; the new one signs in
        assertThat(open("/assessments", li).statusCode()).isEqualTo(303);
        assertThat(signInAs("li", WebService.password("li")).statusCode()).isEqualTo(401);
        assertThat(signInAs("li", password).statusCode()).isEqualTo(303);
        // shown this once: not on the page again, nor in the change log
        String later = open("/admin", ada).body();
        assertThat(later).doesNotContain(password);
        assertThat(Jsoup.parse(later).select("#new-password")).isEmpty();
        assertThat(changes(ada)).contains("set the password of li");
        // each time another
        String second = Jsoup.parse(post("/admin/accounts/li/password", ada, "_csrf=" + csrf(ada)).body())
                .selectFirst("#new-password code").text();
        assertThat(second).isNotEqualTo(password);
    }

    /** Every form of the admin's page that changes something, each posted as a person would fill it. */
    private static final List<String> CHANGES = List.of("/admin/accounts/li/role", "/admin/accounts/li/disable",
            "/admin/accounts/li/enable", "/admin/accounts/li/password", "/admin/accounts/li/token",
            "/admin/tokens/1/revoke", "/admin/accounts");

    @Test
    void onlyAnAdminChangesAccountsAndOnlyFromItsOwnPages() throws Exception {
        String ada = signIn("ada");
        String fields = "&role=admin&label=stolen&name=eve&password=" + "eve-password-1";
        for (String account : List.of("mia", "zhang")) {
            String cookie = signIn(account);
            for (String change : CHANGES) {
                HttpResponse<String> r = post(change, cookie, "_csrf=" + csrf(cookie) + fields);
                assertThat(r.statusCode()).as(account + " " + change).isEqualTo(403);
                assertThat(r.body()).contains("\"code\":\"forbidden\"").doesNotContain("ast_");
            }
        }
        // another site's page posting with the admin's cookie: no token, refused
        for (String change : CHANGES) {
            HttpResponse<String> forged = post(change, ada, fields.substring(1));
            assertThat(forged.statusCode()).as(change).isEqualTo(403);
            assertThat(forged.body()).contains("\"code\":\"csrf\"").doesNotContain("ast_");
        }
        assertThat(signInAs("li", WebService.password("li")).statusCode()).isEqualTo(303);
        assertThat(web.signIns.accounts().roleOf("li")).contains(io.github.aftersales.service.Role.AUDITOR);
        // nothing was made or revoked: the four accounts' first tokens, none revoked, and no account eve
        assertThat(web.signIns.accounts().tokens()).hasSize(4).allMatch(k -> k.revokedAt() == null);
        assertThat(web.signIns.accounts().list()).extracting(Accounts.Account::name)
                .containsExactly("ada", "li", "mia", "zhang");
    }

    @Test
    void anAdminAddsAnAccountWithItsFirstPassword() throws Exception {
        String ada = signIn("ada");
        HttpResponse<String> added = post("/admin/accounts", ada, "_csrf=" + csrf(ada)
                + "&name=wang&role=auditor&password=wang-first-password");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(message(added)).isEqualTo("已新建账号 wang（审核员），可用初始密码登录。");
        Document page = Jsoup.parse(added.body());
        assertThat(page.select("#account-wang td").subList(0, 3).stream().map(e -> e.text()).toList())
                .containsExactly("wang", "审核员", "0");
        // the password typed is on no page, and signs wang in as an auditor; no token was made for it
        assertThat(added.body()).doesNotContain("wang-first-password");
        assertThat(signInAs("wang", "wang-first-password").statusCode()).isEqualTo(303);
        assertThat(web.signIns.accounts().roleOf("wang")).contains(io.github.aftersales.service.Role.AUDITOR);
        assertThat(web.signIns.accounts().tokens()).noneMatch(k -> k.account().equals("wang"));
        assertThat(changes(ada)).contains("added account wang (auditor)", "set the password of wang")
                .noneMatch(c -> c.contains("wang-first-password"));

        // the accounts' rules, in their words; nothing is made by a refused form
        HttpResponse<String> taken = post("/admin/accounts", ada, "_csrf=" + csrf(ada)
                + "&name=li&role=manager&password=another-password-1");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(message(taken)).isEqualTo("the account li exists already");
        assertThat(web.signIns.accounts().roleOf("li")).contains(io.github.aftersales.service.Role.AUDITOR);
        HttpResponse<String> badName = post("/admin/accounts", ada, "_csrf=" + csrf(ada)
                + "&name=Wang+Wu&role=auditor&password=another-password-1");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(message(badName)).isEqualTo("'Wang Wu' is not an account name: 1 to 64 lower-case letters, digits,"
                + " '.', '_' or '-', starting with a letter or digit");
        HttpResponse<String> shortPassword = post("/admin/accounts", ada, "_csrf=" + csrf(ada)
                + "&name=chen&role=auditor&password=short");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(message(shortPassword)).isEqualTo("a password is 12 to 256 characters long, not 5");
        HttpResponse<String> badRole = post("/admin/accounts", ada, "_csrf=" + csrf(ada)
                + "&name=chen&role=root&password=chen-password-1");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(message(badRole)).isEqualTo("role: 'root' is not one of admin, manager, auditor");
        assertThat(web.signIns.accounts().list()).extracting(Accounts.Account::name).doesNotContain("chen", "Wang Wu");
        assertThat(Jsoup.parse(badRole.body()).selectFirst("#admin-message").attr("role")).isEqualTo("alert");
    }

    @Test
    void aTokenIsShownOnceAndRevokedFromThePage() throws Exception {
        String ada = signIn("ada");
        HttpResponse<String> made = post("/admin/accounts/zhang/token", ada, "_csrf=" + csrf(ada) + "&label=laptop");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        Document page = Jsoup.parse(made.body());
        String token = page.selectFirst("#new-token code").text();
        assertThat(token).matches("ast_[A-Za-z0-9_-]{43}");
        // the four accounts' first tokens are 1 to 4: this is 5
        assertThat(message(made)).isEqualTo("已为 zhang 生成令牌 5。");
        assertThat(page.selectFirst("#new-token").text()).startsWith("zhang 的令牌 5（仅显示这一次");
        assertThat(page.select("#token-5 td").subList(0, 3).stream().map(e -> e.text()).toList())
                .containsExactly("5", "zhang", "laptop");
        assertThat(page.select("#account-zhang td").get(2).text()).isEqualTo("2");
        HttpRequest api = web.request("/api/v1/assessments").header("Authorization", "Bearer " + token).build();
        assertThat(web.send(api).statusCode()).isEqualTo(200);
        // shown this once: not on the page again, nor in the change log, which says it was made
        String later = open("/admin", ada).body();
        assertThat(later).doesNotContain(token);
        assertThat(Jsoup.parse(later).select("#new-token")).isEmpty();
        assertThat(changes(ada)).contains("issued token 5 (laptop) to zhang").noneMatch(c -> c.contains(token));

        HttpResponse<String> revoked = post("/admin/tokens/5/revoke", ada, "_csrf=" + csrf(ada));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(message(revoked)).isEqualTo("令牌 5 已吊销：从下一个请求起不再有效。");
        assertThat(web.send(api).statusCode()).isEqualTo(401);
        Document after = Jsoup.parse(revoked.body());
        assertThat(after.select("#token-5 td").get(4).text()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(after.select("#token-5 form.revoke")).isEmpty();
        assertThat(after.select("#token-4 form.revoke")).hasSize(1);
        assertThat(after.select("#account-zhang td").get(2).text()).isEqualTo("1");
        assertThat(changes(ada)).contains("revoked token 5 of zhang");

        HttpResponse<String> none = post("/admin/tokens/99/revoke", ada, "_csrf=" + csrf(ada));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(message(none)).isEqualTo("no token 99");
        assertThat(post("/admin/tokens/x1/revoke", ada, "_csrf=" + csrf(ada)).statusCode()).isEqualTo(404);
        HttpResponse<String> noAccount = post("/admin/accounts/nobody/token", ada, "_csrf=" + csrf(ada) + "&label=x");
        assertThat(noAccount.statusCode()).isEqualTo(404);
        assertThat(message(noAccount)).isEqualTo("no account nobody");
        HttpResponse<String> blank = post("/admin/accounts/zhang/token", ada, "_csrf=" + csrf(ada) + "&label=+");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(message(blank)).isEqualTo("label: 1 to 200 characters, saying what the token is for");
        assertThat(blank.body()).doesNotContain("ast_");
    }

    @Test
    void aDisabledAccountGetsNoToken() throws Exception {
        String ada = signIn("ada");
        post("/admin/accounts/zhang/disable", ada, "_csrf=" + csrf(ada));
        Document page = Jsoup.parse(open("/admin", ada).body());
        assertThat(page.select("#account-zhang form.token")).isEmpty();
        assertThat(page.select("#account-li form.token")).hasSize(1);
        // posted all the same: refused as aftersales accounts token refuses it
        HttpResponse<String> refused = post("/admin/accounts/zhang/token", ada, "_csrf=" + csrf(ada) + "&label=x");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(message(refused)).isEqualTo("the account zhang is disabled, so a token for it would sign no one in:"
                + " enable it first (aftersales accounts enable zhang)");
        assertThat(Jsoup.parse(refused.body()).select("#new-token")).isEmpty();
        assertThat(web.signIns.accounts().tokens()).noneMatch(k -> k.account().equals("zhang") && k.id() > 4);
    }
}
