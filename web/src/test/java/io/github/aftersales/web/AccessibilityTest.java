package io.github.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page checked with axe-core (Deque's accessibility engine) in Chromium against WCAG 2.1 A and AA: labels a
 * screen reader reads, contrast, landmarks, the language of the page. A violation fails the test with its rule, its
 * help and the elements it found.
 */
class AccessibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private WebService web;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        browser = Chromium.start();
        web = new WebService();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
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
    void everyPageMeetsWcagAAndAaInBothLanguages() throws Exception {
        RegisterPagesTest.record(web);
        for (String lang : List.of("zh", "en")) {
            List<String> found = new ArrayList<>();
            browser.manage().deleteAllCookies();
            browser.get(web.base() + "/sign-in?lang=" + lang);
            found.addAll(violations("sign-in"));
            // the check can fail: an image without a text alternative is found
            browser.executeScript("document.body.append(document.createElement('img'))");
            assertThat(violations("sign-in with an image added")).anyMatch(v -> v.contains(": image-alt (critical)"));
            browser.navigate().refresh();
            signIn("zhang");
            found.addAll(violations("assessments"));
            for (String scheme : List.of("gbt27922/form", "cqm/star", "zg025-combined/combined")) {
                browser.get(web.base() + "/assessments");
                new Select(browser.findElement(By.id("scheme"))).selectByValue(scheme);
                browser.findElement(By.id("organisation")).sendKeys("示例电器有限公司");
                browser.findElement(By.cssSelector("form.new button")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));
                found.addAll(violations("checklist of " + scheme));
            }
            // a graded checklist: its score panel with the grade, the points lost and the path to the next level
            browser.get(web.base() + "/assessments");
            java.nio.file.Path example = java.nio.file.Path.of("..", "examples", "gbt27922-form.json").toAbsolutePath()
                    .normalize();
            new Select(browser.findElement(By.id("scheme"))).selectByValue("gbt27922/form");
            browser.findElement(By.id("organisation")).sendKeys(new ObjectMapper()
                    .readTree(example.toFile()).get("organisation").asText());
            browser.findElement(By.cssSelector("form.new button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));
            browser.findElement(By.id("upload-file")).sendKeys(example.toString());
            browser.findElement(By.cssSelector("form.upload button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("next")));
            found.addAll(violations("graded checklist with its next level"));
            browser.findElement(By.cssSelector("header form button")).click();
            wait.until(ExpectedConditions.urlContains("/sign-in"));
            signIn("mia");
            for (String page : List.of("/assessments?state=submitted", "/register", "/register/1", "/register/due")) {
                browser.get(web.base() + page);
                found.addAll(violations(page));
            }
            browser.findElement(By.cssSelector("header form button")).click();
            wait.until(ExpectedConditions.urlContains("/sign-in"));
            signIn("ada");
            found.addAll(violations("admin"));
            assertThat(found).as("axe-core's violations of WCAG 2.1 A and AA, in " + lang).isEmpty();
            browser.findElement(By.cssSelector("header form button")).click();
        }
    }

    private void signIn(String account) {
        browser.findElement(By.id("account")).sendKeys(account);
        browser.findElement(By.id("password")).sendKeys(WebService.password(account));
        browser.findElement(By.cssSelector("form.sign-in button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
    }

    /** axe-core run on the page as it is: each violation as one line, with the elements it found. */
    private List<String> violations(String page) throws IOException {
        browser.executeScript(axe());
        Object answer = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));");
        String text = String.valueOf(answer);
        assertThat(text).as(page).doesNotStartWith("error: ");
        List<String> lines = new ArrayList<>();
        for (JsonNode v : JSON.readTree(text)) {
            List<String> targets = new ArrayList<>();
            v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
            lines.add(page + ": " + v.path("id").asText() + " (" + v.path("impact").asText() + "): "
                    + v.path("help").asText() + " " + targets);
        }
        return lines;
    }

    private static String axe() throws IOException {
        try (InputStream in = AccessibilityTest.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
