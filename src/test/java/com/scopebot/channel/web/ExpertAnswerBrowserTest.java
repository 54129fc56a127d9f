package com.scopebot.channel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Engine;
import com.scopebot.channel.slack.FakeSlackApi;
import com.scopebot.channel.slack.SlackSigner;
import com.scopebot.server.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * "Ask a FastTrack expert" in the web chat, in a headless browser: the button hands the answer to the experts' Slack
 * channel (a fake Slack Web API), and after an expert's reply in the post's thread, the chat shows it on reload,
 * marked as their answer. Leaves {@code expert-ask-desktop.png} (the button), {@code expert-answer-desktop.png}
 * (1280×900) and {@code expert-answer-mobile.png} (400×800) in {@code target/screenshots/}.
 */
class ExpertAnswerBrowserTest {

  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String EXPERTS = "C0EXPERTS1";
  private static final String QUESTION = "Does FastTrack migrate SharePoint on-premises sites?";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  @TempDir static Path profile;
  private static FakeSlackApi slack;
  private static TestServer server;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    slack = new FakeSlackApi();
    server = TestServer.start(data, Engine.DEFAULT_CORPUS, Map.of("SLACK_SIGNING_SECRET", SECRET,
        "SLACK_BOT_TOKEN", "xoxb-test-token", "SCOPEBOT_SLACK_API_URL", slack.apiUrl(),
        "SCOPEBOT_EXPERTS_CHANNEL", EXPERTS));
    browser = HeadlessChromium.start(profile);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    server.close();
    slack.close();
  }

  private static WebElement lastAnswer() {
    List<WebElement> answers = browser.findElements(By.cssSelector("article.answer"));
    return answers.get(answers.size() - 1);
  }

  @Test
  void theChatHandsAnUnknownAnswerToAnExpertAndShowsTheirAnswerOnReload() throws Exception {
    HeadlessChromium.viewport(browser, HeadlessChromium.DESKTOP);
    browser.get(server.uri("/").toString());
    browser.executeScript("localStorage.clear(); sessionStorage.clear()");
    browser.navigate().refresh();
    browser.findElement(By.id("question")).sendKeys(QUESTION);
    browser.findElement(By.id("ask")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    // the documents don't answer it: it goes to the experts by itself, and the chat waits for their answer
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("article.answer .expert"),
        "Asked a FastTrack expert"));
    assertEquals("unknown", lastAnswer().getAttribute("data-verdict"));
    assertTrue(browser.findElements(By.cssSelector("article.answer .ask-expert")).isEmpty(), "no button to press");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
        lastAnswer().findElement(By.cssSelector(".expert")));
    HeadlessChromium.screenshot(browser, "expert-ask-desktop.png");

    FakeSlackApi.Call post = slack.await("chat.postMessage", c -> EXPERTS.equals(c.params().get("channel"))
        && c.params().get("thread_ts") == null);
    assertTrue(JSON.readTree(post.params().get("blocks")).toString().contains("the web chat"), post.params().get("blocks"));
    String thread = JSON.readTree(post.reply()).get("ts").asText();
    ObjectNode event = JSON.createObjectNode().put("token", "t").put("team_id", "T111").put("api_app_id", "A111")
        .put("type", "event_callback").put("event_id", "EvBrowser1").put("event_time", 1700000000);
    event.putObject("event").put("type", "message").put("channel", EXPERTS).put("channel_type", "channel")
        .put("user", "U0EXPERT").put("text", "FastTrack guides SharePoint Server 2013 and later migrations.")
        .put("ts", "1700000099.000001").put("thread_ts", thread);
    long now = System.currentTimeMillis() / 1000;
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/slack/events"))
        .header("Content-Type", "application/json").header("X-Slack-Request-Timestamp", Long.toString(now))
        .header("X-Slack-Signature", SlackSigner.sign(SECRET, now, event.toString()))
        .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    slack.await("chat.postMessage", c -> thread.equals(c.params().get("thread_ts")));

    browser.navigate().refresh();
    WebElement by = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.answer .expert-by")));
    assertEquals("👤 Answer from a FastTrack expert, Ada Lovelace", by.getText());
    assertEquals("FastTrack guides SharePoint Server 2013 and later migrations.",
        browser.findElement(By.cssSelector("article.answer .expert-text")).getText());
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
        by);
    HeadlessChromium.screenshot(browser, "expert-answer-desktop.png");
    HeadlessChromium.viewport(browser, HeadlessChromium.MOBILE);
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
        by);
    HeadlessChromium.screenshot(browser, "expert-answer-mobile.png");
    // the answer page shows it too, under the documents' answer
    browser.get(server.uri("/answers/" + lastAnswerId(post)).toString());
    WebElement onPage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".expert-by")));
    assertEquals("👤 Answer from a FastTrack expert, Ada Lovelace", onPage.getText());
  }

  @Test
  void anAnswerTheDocumentsGiveOffersTheButtonAndPressingItAsksTheExperts() throws Exception {
    HeadlessChromium.viewport(browser, HeadlessChromium.DESKTOP);
    browser.get(server.uri("/").toString());
    browser.executeScript("localStorage.clear(); sessionStorage.clear()");
    browser.navigate().refresh();
    String question = "Who is responsible for SSL certificates?";
    browser.findElement(By.id("question")).sendKeys(question);
    browser.findElement(By.id("ask")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("article.answer .ask-expert")));
    assertEquals("customer", lastAnswer().getAttribute("data-verdict"));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", button);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("article.answer .expert"),
        "Asked a FastTrack expert"));
    FakeSlackApi.Call post = slack.await("chat.postMessage", c -> EXPERTS.equals(c.params().get("channel"))
        && c.params().get("thread_ts") == null && String.valueOf(c.params().get("blocks")).contains(question));
    assertTrue(post.params().get("blocks").contains("asked for an expert"), post.params().get("blocks"));
  }

  private static String lastAnswerId(FakeSlackApi.Call post) throws Exception {
    for (var block : JSON.readTree(post.params().get("blocks"))) {
      for (var e : block.path("elements")) {
        if (e.has("value")) {
          return e.get("value").asText();
        }
      }
    }
    throw new AssertionError("no answer id in the experts' post");
  }
}
