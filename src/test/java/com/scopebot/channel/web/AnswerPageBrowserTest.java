package com.scopebot.channel.web;

import static com.scopebot.channel.web.HeadlessChromium.DESKTOP;
import static com.scopebot.channel.web.HeadlessChromium.MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An answer's {@code link} ({@code /answers/{id}}): a page showing the verdict and the quotes, written by the server
 * (fetched as a browser does) and shown by the page as the web chat shows answers, at 1280 and 400 px. Leaves
 * {@code answer-desktop.png} and {@code answer-mobile.png} in {@code target/screenshots/}.
 */
class AnswerPageBrowserTest extends BundledPageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUESTION = "Is AD FS covered for multiple forests?";
  private static final String QUOTE = "For all multiple forest configurations, AD FS deployments are out of scope.";

  private static JsonNode ask() throws Exception {
    return JSON.readTree(server.postJson("/api/ask", JSON.createObjectNode().put("question", QUESTION).toString())
        .body());
  }

  @Test
  void theLinkIsAPageWithTheVerdictAndTheFirstQuoteForAnyClient() throws Exception {
    JsonNode a = ask();
    String link = a.get("link").asText();
    assertEquals("/answers/" + a.get("id").asText(), link, "without SCOPEBOT_PUBLIC_URL the link is the path");
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri(link))
        .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
    assertTrue(page.body().contains("⛔ Out of scope"), page.body());
    assertTrue(page.body().contains(QUOTE), page.body());
    assertTrue(page.body().contains("<h2 class=\"asked-question\">" + QUESTION + "</h2>"), page.body());
    assertFalse(page.body().contains("Since this answer"), "it cites the revision in force");
    assertEquals(404, server.get("/answers/" + "0".repeat(32)).statusCode());
    assertEquals(404, server.get("/answers/not-an-id").statusCode());
  }

  @Test
  void showsTheAnswerAsTheWebChatDoesOnADesktopAndAPhone() throws Exception {
    String link = ask().get("link").asText();
    for (Dimension size : List.of(DESKTOP, MOBILE)) {
      HeadlessChromium.viewport(browser, size);
      browser.get(server.uri(link).toString());
      // the page's script replaces the server's summary with the web chat's answer, feedback buttons and all
      WebElement answer = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("#answer article.answer .answer-foot")));
      WebElement article = browser.findElement(By.cssSelector("#answer article.answer"));
      assertEquals("out_of_scope", article.getAttribute("data-verdict"));
      assertTrue(text(article.findElement(By.cssSelector(".badge"))).contains("Out of scope"));
      assertEquals(QUOTE, text(article.findElements(By.cssSelector(".quote")).get(0)));
      assertTrue(answer.isDisplayed());
      Number overflow = (Number) browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, overflow.intValue(), "no sideways scrolling at " + size);
      HeadlessChromium.screenshot(browser, size.equals(DESKTOP) ? "answer-desktop.png" : "answer-mobile.png");
    }
  }

  @Test
  void anAnswerFromASupersededRevisionSaysWhatReplacedItSince() throws Exception {
    JsonNode a = JSON.readTree(server.postJson("/api/ask", JSON.createObjectNode()
        .put("question", "Can you set up the RMS connector for on-premises Exchange on two servers?").toString()).body());
    String page = server.get(a.get("link").asText()).body();
    assertTrue(page.contains("<h3 id=\"later-heading\">Since this answer</h3>"), page);
    assertTrue(page.contains("\u201cFastTrack Center Benefit Process for Enterprise Mobility Suite - Microsoft&#39;s"
        + " responsibilities\u201d (2016-04-27) has been replaced by the 2018-12-04 revision"), page);
  }
}
