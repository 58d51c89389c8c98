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
 * An admin changes accounts from the admin's page: a role, disabling and enabling, a generated password shown once;
 * by the accounts' rules (no one disables their own account, the last admin stays), each change in the change log.
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

    @Test
    void onlyAnAdminChangesAccountsAndOnlyFromItsOwnPages() throws Exception {
        String ada = signIn("ada");
        for (String account : List.of("mia", "zhang")) {
            String cookie = signIn(account);
            for (String change : List.of("role", "disable", "enable", "password")) {
                HttpResponse<String> r = post("/admin/accounts/li/" + change, cookie, "_csrf=" + csrf(cookie)
                        + "&role=admin");
                assertThat(r.statusCode()).as(account + " " + change).isEqualTo(403);
                assertThat(r.body()).contains("\"code\":\"forbidden\"");
            }
        }
        // another site's page posting with the admin's cookie: no token, refused
        for (String change : List.of("role", "disable", "enable", "password")) {
            HttpResponse<String> forged = post("/admin/accounts/li/" + change, ada, "role=admin");
            assertThat(forged.statusCode()).as(change).isEqualTo(403);
            assertThat(forged.body()).contains("\"code\":\"csrf\"");
        }
        assertThat(signInAs("li", WebService.password("li")).statusCode()).isEqualTo(303);
        assertThat(web.signIns.accounts().roleOf("li")).contains(io.github.aftersales.service.Role.AUDITOR);
    }
}
