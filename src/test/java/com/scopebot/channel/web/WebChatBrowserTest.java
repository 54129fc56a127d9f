package com.scopebot.channel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Engine;
import com.scopebot.server.TestServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat in a real headless browser: Debian's chromium driven through its chromedriver (installed by
 * {@code .ci/run}). Leaves a screenshot in {@code target/screenshots/webchat.png}.
 */
class WebChatBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHROMIUM = System.getProperty("scopebot.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("scopebot.chromedriver", "/usr/bin/chromedriver");

  @TempDir static Path data;
  @TempDir static Path profile;
  private static TestServer server;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "the browser test needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
    server = TestServer.start(data, Engine.DEFAULT_CORPUS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1100,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static WebElement askInThePage(String question) {
    browser.get(server.uri("/").toString());
    WebElement input = browser.findElement(By.id("question"));
    input.sendKeys(question);
    browser.findElement(By.id("ask")).click();
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.answer")));
  }

  @Test
  void showsOutOfScopeWithTheCitedNoteAndTakesAScreenshot() throws Exception {
    WebElement answer = askInThePage("Is AD FS covered for multiple forests?");
    assertEquals("out_of_scope", answer.getAttribute("data-verdict"));
    assertTrue(answer.findElement(By.cssSelector(".verdict.badge")).getText().contains("Out of scope"));
    WebElement first = answer.findElements(By.cssSelector("li.citation")).get(0);
    assertEquals("For all multiple forest configurations, AD FS deployments are out of scope.",
        first.findElement(By.cssSelector("blockquote.quote")).getText().replaceAll("^[“\"]|[”\"]$", ""));
    String trail = first.findElement(By.cssSelector(".trail")).getText();
    assertTrue(trail.contains("ems-fasttrack-responsibilities-2018-12.md") && trail.contains("2018-12-04"), trail);
    assertTrue(first.findElement(By.cssSelector("a.source-link")).getAttribute("href").endsWith("#L89"));

    Path shot = Path.of("target", "screenshots", "webchat.png");
    Files.createDirectories(shot.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    assertTrue(Files.size(shot) > 10_000, "a real screenshot");
  }

  @Test
  void recordsThumbsDownWithAReason() throws Exception {
    WebElement answer = askInThePage("Who is responsible for SSL certificates?");
    assertEquals("customer", answer.getAttribute("data-verdict"));
    answer.findElement(By.cssSelector(".feedback-down")).click();
    WebElement reason = new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.feedback-reason input")));
    reason.sendKeys("cites the 2016 document");
    answer.findElement(By.cssSelector(".feedback-send")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".feedback-done")));

    List<WebElement> done = browser.findElements(By.cssSelector(".feedback-done"));
    assertFalse(done.isEmpty());
    String id = (String) browser.executeScript(
        "return document.querySelector('article.answer').getAttribute('data-id')");
    JsonNode record = JSON.readTree(server.get("/api/answers/" + id).body());
    assertEquals("web", record.get("channel").asText());
    assertEquals("cites the 2016 document", record.get("feedback").get(0).get("reason").asText());
  }

  @Test
  void askingAnExampleQuestionAnswersIt() {
    browser.get(server.uri("/").toString());
    browser.findElements(By.cssSelector("button.example")).get(1).click();
    WebElement answer = new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.answer")));
    assertEquals("customer", answer.getAttribute("data-verdict"));
  }
}
