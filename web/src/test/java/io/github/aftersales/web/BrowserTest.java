package io.github.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The auditor's path in a real Chromium (Debian's {@code chromium} and {@code chromium-driver}; skipped with one
 * line where they are missing): sign in, make a GB/T 27922 form, mark clauses, and watch the grade change with no
 * reload, htmx and the CSRF token working as a browser runs them under the pages' Content-Security-Policy.
 */
class BrowserTest {

    private WebService web;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Chromium.start();
        web = new WebService();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    void theGradeFollowsTheAuditorsChoicesWithoutAReload() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(web.base() + "/");
        wait.until(ExpectedConditions.urlContains("/sign-in"));
        // the language switch every page has: Chinese, remembered from here on
        browser.get(web.base() + "/sign-in?lang=zh");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        browser.findElement(By.id("account")).sendKeys("zhang");
        browser.findElement(By.id("password")).sendKeys(WebService.password("zhang"));
        browser.findElement(By.cssSelector("form.sign-in button")).click();
        wait.until(ExpectedConditions.urlContains("/assessments"));

        new Select(browser.findElement(By.id("scheme"))).selectByValue("gbt27922/form");
        browser.findElement(By.id("organisation")).sendKeys("示例电器有限公司");
        browser.findElement(By.cssSelector("form.new button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("尚不能评级");

        // every clause conforms: five stars, each change sent by htmx as it is made
        List<WebElement> results = browser.findElements(By.cssSelector("#checklist select"));
        assertThat(results).hasSizeGreaterThan(40);
        for (WebElement select : results) {
            new Select(select).selectByValue("conform");
        }
        wait.until(ExpectedConditions.textToBe(By.id("grade"), "五星级"));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("100 / 100");
        // 5.1.1.2 (3 points) and 5.1.2.2 (5 points) not conforming: 92 of 100, under 95, four stars
        String before = browser.findElement(By.id("revision")).getDomProperty("value");
        new Select(results.get(1)).selectByValue("not-conform");
        wait.until(ExpectedConditions.textToBe(By.id("total"), "97 / 100"));
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("五星级");
        new Select(results.get(4)).selectByValue("not-conform");
        wait.until(ExpectedConditions.textToBe(By.id("grade"), "四星级"));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("92 / 100");
        assertThat(Integer.parseInt(browser.findElement(By.id("revision")).getDomProperty("value")))
                .isGreaterThan(Integer.parseInt(before));
        // 5.2.5.5 (2 points) not applicable, with why: 90 of the 98 applicable points, prorated to 100 (the form's
        // reading: GB/T 27922 rows 22 and 40), 91.836… shown to two places as 91.83, still four stars
        browser.findElement(By.name("note:0:5.2.5.5")).sendKeys("不经营需要安装的商品。");
        new Select(browser.findElement(By.name("result:0:5.2.5.5"))).selectByValue("not-applicable");
        wait.until(ExpectedConditions.textToBe(By.id("total"), "91.83 / 100"));
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("四星级");
        // the path to five stars, as evaluate --plan finds it: one change, 5.1.2.2 conforming (+5: 95 of 98 is 96.94,
        // over 95); 5.1.1.2 alone (+3: 93 of 98, 94.90) would not do
        String next = browser.findElement(By.id("next")).getText();
        assertThat(next).startsWith("五星级 ★★★★★: 1 项改动，5 分").contains("5.1.2.2").doesNotContain("5.1.1.2");

        // what the page shows is what was stored: a reload shows the same grade
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("四星级");

        // evidence for 5.1.1.2, chosen as a person chooses a file: listed under that clause with its size and
        // SHA-256 (of the three bytes "abc": FIPS 180-2's example), its name shown as text
        Path file = Files.createTempDirectory("evidence").resolve("<b>售后服务承诺.pdf");
        Files.writeString(file, "abc");
        new Select(browser.findElement(By.id("evidence-clause"))).selectByValue("0:5.1.1.2");
        browser.findElement(By.id("evidence-file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#evidence-upload button")).click();
        WebElement listed = wait.until(d -> d.findElement(By.id("row-0:5.1.1.2")).findElements(By.cssSelector(
                "ul.evidence-files li")).stream().findFirst().orElse(null));
        assertThat(listed.findElement(By.tagName("a")).getText()).isEqualTo("<b>售后服务承诺.pdf");
        assertThat(listed.getText()).contains("3 bytes")
                .contains("SHA-256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(browser.findElements(By.cssSelector("ul.evidence-files b"))).isEmpty();
        // the grade is the stored one still: attaching a file saves no revision
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("四星级");
        // the picture: the file forms, the first clauses with the file listed under 5.1.1.2, the grade beside them
        browser.executeScript("document.querySelector('form.upload').scrollIntoView()");
        Path shot = Path.of("target", "screenshots", "checklist.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.delete(file);
        Files.delete(file.getParent());
    }

    /**
     * A CQM assessment from start to certificate in the browser: filled by uploading the five-star example
     * (examples/cqm/cqm-five-star.json: 97 points, five stars by CQM 6.2), then a rectified major complaint added on
     * the page, which holds it at four stars (within the 24 months before the on-site date); submitted; the manager
     * approves it and finds the certificate in the register, with its surveillance in what is due.
     */
    @Test
    void aCqmAssessmentCappedByOneConditionGoesFromUploadToCertificate() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        signIn(wait, "zhang");
        Path example = Path.of("..", "examples", "cqm", "cqm-five-star.json").toAbsolutePath().normalize();
        String organisation = new com.fasterxml.jackson.databind.ObjectMapper().readTree(example.toFile())
                .get("organisation").asText();
        new Select(browser.findElement(By.id("scheme"))).selectByValue("cqm/star");
        browser.findElement(By.id("organisation")).sendKeys(organisation);
        browser.findElement(By.cssSelector("form.new button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));

        browser.findElement(By.id("upload-file")).sendKeys(example.toString());
        browser.findElement(By.cssSelector("form.upload button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("grade"), "五星级"));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("97 / 100");
        assertThat(new Select(browser.findElement(By.id("fact:0:managementAudit"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("passed");

        new Select(browser.findElement(By.id("newEvent:0:type"))).selectByValue("majorComplaint");
        browser.executeScript("arguments[0].value = '2025-12-01'", browser.findElement(By.id("newEvent:0:date")));
        new Select(browser.findElement(By.id("newEvent:0:rectified"))).selectByValue("true");
        browser.findElement(By.id("newEvent:0:note")).sendKeys("媒体报道，已整改。");
        browser.findElement(By.cssSelector("button[value='add-event:0']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("grade"), "四星级"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("table.events tbody tr"), 1));
        assertThat(browser.findElement(By.id("reasons")).getText()).contains("majorComplaint").contains("五星级");
        // Enter in a field saves the form: it presses no event's button (the first of them would remove an event)
        String saved = browser.findElement(By.id("revision")).getDomProperty("value");
        browser.findElement(By.id("assessor")).sendKeys(" 复核", org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException
                .class).until(d -> !saved.equals(d.findElement(By.id("revision")).getDomProperty("value")));
        assertThat(browser.findElements(By.cssSelector("table.events tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("四星级");
        Path shot = Path.of("target", "screenshots", "checklist-cqm.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.cssSelector("form.submit button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "待审核"));
        browser.findElement(By.cssSelector("header form button")).click();
        wait.until(ExpectedConditions.urlContains("/sign-in"));

        signIn(wait, "mia");
        browser.get(web.base() + "/assessments?state=submitted");
        browser.findElement(By.cssSelector("tbody a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-heading")));
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("四星级");
        browser.findElement(By.id("reference")).sendKeys("CQM-2026-077");
        browser.findElement(By.cssSelector("form.approve button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("certificate")));
        assertThat(browser.findElement(By.id("certificate")).getText()).contains("CQM-2026-077");

        browser.get(web.base() + "/register?q=CQM-2026-077");
        List<WebElement> rows = browser.findElements(By.cssSelector("#certificates tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("四星级");
        // issued on the on-site date 2026-10-15; its first surveillance (CQM: each year) is due by 2027-10-15, which
        // the register's today (2027-11-19) has passed
        browser.get(web.base() + "/register/due?months=0");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("CQM-2026-077");
    }

    /**
     * Evidence on a combined ZG025 assessment (GB/T 27922's form as part 0, ZG025's items as part 1): a file attached
     * to a clause of each part through the file chooser, listed under that clause with its SHA-256, downloaded by its
     * link as the browser downloads (the same bytes: the same SHA-256), and removed by its button.
     */
    @Test
    void evidenceOnEachPartOfACombinedAssessmentIsAttachedDownloadedAndRemoved() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        signIn(wait, "zhang");
        new Select(browser.findElement(By.id("scheme"))).selectByValue("zg025-combined/combined");
        browser.findElement(By.id("organisation")).sendKeys("示例电器有限公司");
        browser.findElement(By.cssSelector("form.new button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));

        Path dir = Files.createTempDirectory("evidence");
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        browser.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        // part 0: GB/T 27922 5.1.1.2; part 1: ZG025 5.1.1 b), an id with a space and a bracket
        List<List<String>> files = List.of(List.of("0:5.1.1.2", "售后服务承诺.pdf", "%PDF-1.4 commitment"),
                List.of("1:5.1.1 b)", "hotline-photo.jpg", "\u00ff\u00d8 a photograph of the service desk"));
        for (List<String> f : files) {
            String field = f.get(0);
            String name = f.get(1);
            byte[] bytes = f.get(2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            new Select(browser.findElement(By.id("evidence-clause"))).selectByValue(field);
            browser.findElement(By.id("evidence-file")).sendKeys(file.toString());
            browser.findElement(By.cssSelector("#evidence-upload button")).click();
            By row = By.xpath("//tr[@id='row-" + field + "']");
            WebElement listed = new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium
                    .StaleElementReferenceException.class).until(d -> d.findElement(row).findElements(By.cssSelector(
                            "ul.evidence-files li")).stream().findFirst().orElse(null));
            assertThat(listed.getText()).contains(bytes.length + " bytes").contains("SHA-256 " + sha256);
            // the other part's clause of the same number has no file: a file is its part's
            String other = (field.startsWith("0:") ? "1:" : "0:") + field.substring(2);
            assertThat(browser.findElements(By.xpath("//tr[@id='row-" + other + "']//ul[@class='evidence-files']")))
                    .isEmpty();

            listed.findElement(By.tagName("a")).click();
            Path downloaded = downloads.resolve(name);
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> Files.isRegularFile(downloaded)
                    && !Files.exists(downloads.resolve(name + ".crdownload")));
            try (var all = Files.list(downloads)) {
                assertThat(all.map(p -> p.getFileName().toString()).toList()).containsExactly(name);
            }
            assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(downloaded)))).isEqualTo(sha256);
            Files.delete(downloaded);

            listed.findElement(By.tagName("button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium
                    .StaleElementReferenceException.class).until(d -> d.findElement(row).findElements(By.cssSelector(
                            "ul.evidence-files li")).isEmpty());
            Files.delete(file);
        }
        assertThat(browser.findElements(By.cssSelector("ul.evidence-files li"))).isEmpty();
        Files.delete(downloads);
        Files.delete(dir);
    }

    private void signIn(WebDriverWait wait, String account) {
        browser.get(web.base() + "/sign-in?lang=zh");
        browser.findElement(By.id("account")).sendKeys(account);
        browser.findElement(By.id("password")).sendKeys(WebService.password(account));
        browser.findElement(By.cssSelector("form.sign-in button")).click();
        wait.until(ExpectedConditions.urlContains("/assessments"));
    }

    @Test
    void aManagerFiltersTheRegisterAndOpensACertificatesHistory() throws Exception {
        RegisterPagesTest.record(web);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(web.base() + "/sign-in?lang=zh");
        browser.findElement(By.id("account")).sendKeys("mia");
        browser.findElement(By.id("password")).sendKeys(WebService.password("mia"));
        browser.findElement(By.cssSelector("form.sign-in button")).click();
        wait.until(ExpectedConditions.urlContains("/assessments"));

        // from the header to the register, then the filters as a person uses them
        browser.findElement(By.cssSelector("header a[href='/register']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("certificates")));
        assertThat(browser.findElements(By.cssSelector("#certificates tbody tr"))).hasSize(4);
        new Select(browser.findElement(By.id("scheme"))).selectByValue("cqm");
        new Select(browser.findElement(By.id("state"))).selectByValue("active");
        browser.findElement(By.id("q")).sendKeys("示例");
        browser.findElement(By.cssSelector("form.filters button")).click();
        wait.until(ExpectedConditions.urlContains("scheme=cqm"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#certificates tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("CQM-2026-001").contains("四星级（4 星）");
        browser.findElement(By.id("q")).clear();
        new Select(browser.findElement(By.id("scheme"))).selectByValue("");
        new Select(browser.findElement(By.id("state"))).selectByValue("");
        browser.findElement(By.cssSelector("form.filters button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#certificates tbody tr"), 4));
        // the hostile name is shown as its characters: no script ran, nothing was added to the page
        assertThat(browser.findElement(By.cssSelector("#certificates tbody tr:nth-child(3) td:nth-child(3)")).getText())
                .startsWith("<script>alert(1)</script>");
        Path shot = Path.of("target", "screenshots", "register.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.linkText("1")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("证书 1 (CQM-2026-001)");
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize(2);

        browser.findElement(By.cssSelector("header a[href='/register/due']")).click();
        WebElement months = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("months")));
        months.clear();
        months.sendKeys("0");
        browser.findElement(By.cssSelector("form.filters button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("count"), "2 项到期，2 项逾期"));
    }

    /**
     * A manager records a re-evaluation by choosing its file and notes an incident on a certificate's page, each form
     * as a person fills it; an admin disables an account, adds one and makes it a token, revokes the token, and gives
     * another account a new password. The screenshots of the
     * certificate's and the admin's pages are made here.
     */
    @Test
    void aManagerRecordsDecisionsAndAnAdminChangesAccounts() throws Exception {
        RegisterPagesTest.record(web);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        signIn(wait, "mia");

        browser.get(web.base() + "/register/2");
        browser.findElement(By.id("reevaluate-assessment")).sendKeys(Path.of("..", "examples", "gbt27922-form.json")
                .toAbsolutePath().normalize().toString());
        browser.findElement(By.cssSelector("#reevaluate button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entry-2")));
        assertThat(browser.findElement(By.cssSelector("#entry-2 td:nth-child(4)")).getText()).isEqualTo("重新定级");

        browser.get(web.base() + "/register/1");
        new Select(browser.findElement(By.id("incident-type"))).selectByValue("majorComplaint");
        // a date field takes the date as the browser's locale writes it; set as the picker sets it
        browser.executeScript("arguments[0].value = '2027-11-01'", browser.findElement(By.id("incident-date")));
        browser.findElement(By.id("incident-note")).sendKeys("媒体报道的投诉，整改中。 A complaint reported by the press.");
        browser.findElement(By.cssSelector("#incident button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entry-3")));
        assertThat(browser.findElement(By.cssSelector("#entry-3 td:nth-child(3)")).getText()).isEqualTo("事件");
        assertThat(browser.findElement(By.cssSelector("#entry-3 td:nth-child(4)")).getText()).isEqualTo("记录在案");
        browser.executeScript("document.getElementById('history').scrollIntoView()");
        Path shot = Path.of("target", "screenshots", "certificate.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.cssSelector("header form button")).click();
        wait.until(ExpectedConditions.urlContains("/sign-in"));

        browser.findElement(By.id("account")).sendKeys("ada");
        browser.findElement(By.id("password")).sendKeys(WebService.password("ada"));
        browser.findElement(By.cssSelector("form.sign-in button")).click();
        wait.until(ExpectedConditions.urlContains("/admin"));
        browser.findElement(By.cssSelector("#account-zhang form.disable button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-message")));
        assertThat(browser.findElement(By.cssSelector("#account-zhang td:nth-child(5)")).getText()).isEqualTo("已停用");
        // a new account with its first password, then an API token for it, shown once, which the API takes until it
        // is revoked from its row
        browser.findElement(By.id("new-name")).sendKeys("wang");
        new Select(browser.findElement(By.id("new-role"))).selectByValue("manager");
        browser.findElement(By.id("new-password-field")).sendKeys("wang-first-password");
        browser.findElement(By.cssSelector("#add-account button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("admin-message"), "已新建账号 wang（经理），可用初始密码登录。"));
        WebElement label = browser.findElement(By.id("label-wang"));
        label.clear();
        label.sendKeys("报表脚本");
        browser.findElement(By.cssSelector("#account-wang form.token button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
        String token = browser.findElement(By.cssSelector("#new-token code")).getText();
        assertThat(token).startsWith("ast_");
        assertThat(browser.findElement(By.cssSelector("#token-5 td:nth-child(3)")).getText()).isEqualTo("报表脚本");
        java.net.http.HttpRequest api = web.request("/api/v1/assessments").header("Authorization", "Bearer " + token)
                .build();
        assertThat(web.send(api).statusCode()).isEqualTo(200);
        browser.findElement(By.cssSelector("#token-5 form.revoke button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("admin-message"), "令牌 5 已吊销：从下一个请求起不再有效。"));
        assertThat(web.send(api).statusCode()).isEqualTo(401);
        assertThat(browser.getPageSource()).doesNotContain(token);

        new Select(browser.findElement(By.id("role-li"))).selectByValue("manager");
        browser.findElement(By.cssSelector("#account-li form.role button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("admin-message"), "li 的角色已改为经理。"));
        browser.findElement(By.cssSelector("#account-li form.password button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-password")));
        String password = browser.findElement(By.cssSelector("#new-password code")).getText();
        assertThat(password).hasSize(24);
        // for the picture, a password that signs no one in
        browser.executeScript("document.querySelector('#new-password code').textContent = 'abcd-efgh-jkmn-pqrs-tuvw'");
        shot = Path.of("target", "screenshots", "admin.png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
