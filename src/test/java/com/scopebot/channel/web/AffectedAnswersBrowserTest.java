package com.scopebot.channel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.server.TestServer;
import com.scopebot.service.TwoRevisions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Answers affected by this revision" on the changes page, in a real headless browser: answers asked on a first
 * revision, a second one reindexed. Leaves {@code affected-desktop.png} (1280×900) and {@code affected-mobile.png}
 * (400×800) in {@code target/screenshots/}.
 */
class AffectedAnswersBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  @TempDir static Path profile;
  private static TestServer server;
  private static ChromeDriver browser;
  private static String flippedId;
  private static String unchangedId;

  @BeforeAll
  static void start() throws Exception {
    Path corpus = TwoRevisions.first(dir.resolve("corpus"));
    server = TestServer.start(dir.resolve("data"), corpus, Map.of());
    flippedId = ask(TwoRevisions.FLIPPED);
    unchangedId = ask(TwoRevisions.UNCHANGED);
    TwoRevisions.second(corpus);
    assertEquals(200, server.reindex().statusCode());
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (JSON.readTree(server.get("/api/changes").body()).get("affectedAnswers").isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "answered again within 30 s");
      Thread.sleep(50);
    }
    browser = HeadlessChromium.start(profile);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    server.close();
  }

  private static String ask(String question) throws Exception {
    JsonNode answer = JSON.readTree(server.postJson("/api/ask",
        JSON.createObjectNode().put("question", question).toString()).body());
    return answer.get("id").asText();
  }

  @Test
  void withoutTheAdminTokenTheQuestionsAndTheirRecordsAreNotListed() throws Exception {
    JsonNode open = JSON.readTree(server.get("/api/changes").body());
    assertEquals(1, open.get("affectedAnswers").size(), open.toString());
    JsonNode a = open.get("affectedAnswers").get(0);
    assertEquals(TwoRevisions.ADFS_BEFORE, a.get("before").asText(), "the documents' sentences are public");
    assertTrue(!open.toString().contains(TwoRevisions.FLIPPED) && !open.toString().contains(flippedId),
        "a person's question and its record are for administrators: " + open);
    assertTrue(open.get("affectedAnswersPrivate").isTextual());

    HeadlessChromium.viewport(browser, HeadlessChromium.DESKTOP);
    browser.get(server.uri("/changes.html").toString());
    browser.executeScript("window.sessionStorage.removeItem('scopebot-admin-token')");
    browser.navigate().refresh();
    new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".affected-answers li.affected")));
    WebElement section = browser.findElement(By.cssSelector(".affected-answers"));
    assertTrue(section.findElements(By.cssSelector(".affected-question, a.source-link")).isEmpty(), section.getText());
    assertTrue(section.getText().contains("shown to administrators"), section.getText());
  }

  @Test
  void listsTheAnswerWhoseVerdictFlippedWithBothSentencesAndRecordsAndNotTheOneUnchanged() throws Exception {
    browser.get(server.uri("/changes.html").toString());
    // the token the gaps page keeps in the tab
    browser.executeScript("window.sessionStorage.setItem('scopebot-admin-token', arguments[0])",
        TestServer.ADMIN_TOKEN);
    for (var size : List.of(HeadlessChromium.DESKTOP, HeadlessChromium.MOBILE)) {
      HeadlessChromium.viewport(browser, size);
      browser.get(server.uri("/changes.html").toString());
      new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".affected-answers")));
      WebElement section = browser.findElement(By.cssSelector(".affected-answers"));
      assertEquals("Answers affected by this revision", section.findElement(By.cssSelector("h2")).getText());
      List<WebElement> answers = section.findElements(By.cssSelector("li.affected"));
      assertEquals(1, answers.size(), "DNS did not change: " + section.getText());
      WebElement a = answers.get(0);
      assertEquals("“" + TwoRevisions.FLIPPED + "”", a.findElement(By.cssSelector(".affected-question")).getText());
      List<String> badges = a.findElements(By.cssSelector(".badge")).stream()
          .map(b -> b.getText().replaceAll("\\s+", " ")).toList();
      assertEquals(List.of("✅ In scope", "⛔ Out of scope"), badges);
      assertEquals(TwoRevisions.ADFS_BEFORE, a.findElement(By.cssSelector(".affected-before")).getText());
      assertEquals(TwoRevisions.ADFS_AFTER, a.findElement(By.cssSelector(".affected-after")).getText());
      List<WebElement> links = a.findElements(By.cssSelector("a.source-link"));
      assertEquals("/answers/" + flippedId, links.get(0).getDomAttribute("href"));
      assertTrue(links.get(1).getDomAttribute("href").startsWith("/answers/"));
      assertTrue(!section.getText().contains(unchangedId));
      assertTrue(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")
          .equals(Boolean.TRUE), "no sideways scrolling at " + size);
      HeadlessChromium.screenshot(browser, size.equals(HeadlessChromium.DESKTOP) ? "affected-desktop.png"
          : "affected-mobile.png");
    }
  }
}
