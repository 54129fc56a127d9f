package com.scopebot.channel.web;

import static com.scopebot.channel.web.HeadlessChromium.DESKTOP;
import static com.scopebot.channel.web.HeadlessChromium.MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dispute view ({@code /dispute.html?claim=…}) in a real headless browser, over the bundled corpus. Leaves
 * screenshots in {@code target/screenshots/}: {@code dispute-desktop.png} (1280×900), {@code dispute-mobile.png}
 * (400×800, scrolled to the statements), {@code dispute-empty.png} and {@code webchat-dispute-link.png}.
 */
class DisputePageBrowserTest extends BundledPageTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Said of 2018; the 2016 revision granted one application, those since 2018 up to three. */
  private static final String SAAS = "when we bought in spring 2018 you said SaaS SSO for three apps was included";
  /** Nothing in the documents speaks to it. */
  private static final String SLACK = "FastTrack promised to migrate our Slack workspace to Teams";


  private static String page(String claim) {
    return server.uri("/dispute.html?claim=" + URLEncoder.encode(claim, StandardCharsets.UTF_8)).toString();
  }


  /** Opens the dispute view of a claim and waits until its evidence (or the word that there is none) shows. */
  private static void open(String claim) {
    browser.get(page(claim));
    awaitResult();
  }

  private static WebElement awaitResult() {
    return waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .evidence")));
  }

  private static WebElement side(String verdict) {
    return browser.findElement(By.cssSelector(".side[data-verdict='" + verdict + "']"));
  }

  @Test
  void laysOutTheStatementsForAndAgainstSideBySide() throws Exception {
    open(SAAS);
    assertEquals(SAAS, browser.findElement(By.id("claim")).getAttribute("value"));

    WebElement against = side("out_of_scope").findElements(By.cssSelector("li.evidence-item")).get(0);
    assertTrue(text(against.findElement(By.cssSelector(".quote"))).startsWith("One integrated application"));
    assertTrue(text(against.findElement(By.cssSelector(".trail"))).endsWith("· 2016-04-27"));
    assertEquals("superseded revision", text(against.findElement(By.cssSelector(".tag.superseded"))));
    assertTrue(text(against.findElement(By.cssSelector(".why"))).startsWith("Why The benefit covers one"));

    WebElement forIt = side("in_scope");
    assertEquals("3 statements", text(forIt.findElement(By.cssSelector(".side-count"))));
    WebElement newest = forIt.findElements(By.cssSelector("li.evidence-item")).get(0);
    assertTrue(text(newest.findElement(By.cssSelector(".quote"))).startsWith("Up to three (3)"));
    assertEquals("FastTrack responsibilities › Enable phase › Enable phase - Azure AD Premium--with Azure AD Connect"
        + " and AD FS · 2018-12-04", text(newest.findElement(By.cssSelector(".trail"))));
    assertTrue(newest.findElements(By.cssSelector(".tag.superseded")).isEmpty(), "2018-12 is in force");
    WebElement link = newest.findElement(By.cssSelector("a.source-link"));
    assertEquals("Open in document ↗", link.getText());
    assertTrue(link.getAttribute("href").endsWith("#L153"), link.getAttribute("href"));

    String summary = JSON.readTree(server.get("/api/dispute?claim="
        + URLEncoder.encode(SAAS, StandardCharsets.UTF_8)).body()).get("summary").asText();
    assertEquals(summary, text(browser.findElement(By.cssSelector(".summary"))));
    // the claim names a date: the answer shown is the one in force then, and the statement it cites is marked
    assertEquals("The answer as of 2018-05-31, the date the claim names",
        text(browser.findElement(By.cssSelector("#in-force-heading"))));
    // read as a claim ("you said … was included"), it is in scope as of spring 2018: up to three applications
    assertEquals("in_scope", browser.findElement(By.cssSelector(".in-force article.answer")).getAttribute("data-verdict"));
    WebElement cited = forIt.findElement(By.xpath(".//li[.//span[contains(@class, 'cited')]]"));
    assertTrue(text(cited.findElement(By.cssSelector(".trail"))).endsWith("· 2018-03-09"));
  }

  @Test
  void theAddressIsTheLinkToShare() {
    browser.get(server.uri("/dispute.html").toString());
    assertTrue(browser.findElement(By.id("start")).isDisplayed(), "example claims on an empty page");
    WebElement claim = browser.findElement(By.id("claim"));
    assertEquals(claim, browser.switchTo().activeElement());
    claim.sendKeys(SAAS, Keys.ENTER);
    awaitResult();
    assertEquals(page(SAAS), browser.getCurrentUrl());
    assertFalse(browser.findElement(By.id("start")).isDisplayed());

    browser.navigate().refresh();
    awaitResult();
    assertEquals(SAAS, browser.findElement(By.id("claim")).getAttribute("value"));
    assertEquals(2, browser.findElements(By.cssSelector(".side")).size());
    assertTrue(browser.getTitle().startsWith("Dispute: " + SAAS), browser.getTitle());

    browser.executeScript("window.copied = null; Object.defineProperty(navigator, 'clipboard', {configurable: true,"
        + " value: {writeText: function (t) { window.copied = t; return Promise.resolve(); }}})");
    browser.findElement(By.cssSelector(".evidence-head button.copy-link")).click();
    waitUpTo(5).until(d -> page(SAAS).equals(browser.executeScript("return window.copied")));

    browser.navigate().back();
    waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("start")));
    assertEquals("", browser.findElement(By.id("claim")).getAttribute("value"));
    assertFalse(browser.findElement(By.id("result")).isDisplayed());
  }

  @Test
  void saysSoWhenTheDocumentsDontAddressTheClaim() throws Exception {
    open(SLACK);
    assertTrue(browser.findElements(By.cssSelector(".side")).isEmpty());
    WebElement empty = browser.findElement(By.cssSelector(".empty-state"));
    assertEquals("The documents don't address this claim.", empty.findElement(By.cssSelector(".empty-title")).getText());
    assertTrue(empty.findElement(By.cssSelector(".empty-hint a")).getAttribute("href").endsWith("/"), "to the chat");
    assertEquals("unknown", browser.findElement(By.cssSelector(".in-force article.answer")).getAttribute("data-verdict"));
    HeadlessChromium.screenshot(browser, "dispute-empty.png");
  }

  @Test
  void theChatLinksAClaimToItsDisputeView() throws Exception {
    browser.get(server.uri("/").toString());
    browser.executeScript("localStorage.clear(); sessionStorage.clear()");
    browser.navigate().refresh();
    assertTrue(browser.findElement(By.cssSelector(".site-nav a[href='/dispute.html']")).isDisplayed());

    WebElement who = ask("Who configures DNS?");
    assertTrue(who.findElements(By.cssSelector("a.dispute-link")).isEmpty(), "a WHO question disputes nothing");

    String claim = "FastTrack said they would provide the SSL certificates";
    WebElement answer = ask(claim);
    WebElement link = answer.findElement(By.cssSelector("a.dispute-link"));
    // scrolled clear of the input bar fixed over the bottom of the chat, as a reader would
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
    assertEquals("⚖️ Dispute view", text(link));
    assertEquals(page(claim), link.getAttribute("href"));
    HeadlessChromium.screenshot(browser, "webchat-dispute-link.png");
    link.click();
    awaitResult();
    assertEquals(claim, browser.findElement(By.id("claim")).getAttribute("value"));
    assertEquals("customer", browser.findElements(By.cssSelector(".side")).get(0).getAttribute("data-verdict"));
  }

  private static WebElement ask(String question) {
    int before = browser.findElements(By.cssSelector("article.answer")).size();
    browser.findElement(By.id("question")).sendKeys(question, Keys.ENTER);
    waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.answer"), before + 1));
    List<WebElement> answers = browser.findElements(By.cssSelector("article.answer"));
    return answers.get(answers.size() - 1);
  }

  /** Until removed, the page's calls to /api/dispute get {@code status} and {@code {"error": error}} (once each). */
  private static String failNextDisputeCall(int status, String error) {
    String script = "(function () { var real = window.fetch; var failed = false;"
        + " window.fetch = function (url, init) {"
        + "   if (!failed && String(url).indexOf('/api/dispute') === 0) { failed = true;"
        + "     return Promise.resolve(new Response(JSON.stringify({error: " + JSON.valueToTree(error) + "}),"
        + "       {status: " + status + ", headers: {'Content-Type': 'application/json'}})); }"
        + "   return real.apply(this, arguments); }; })();";
    return (String) browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script))
        .get("identifier");
  }

  private static WebElement awaitError() {
    return waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
  }

  @Test
  void saysTheIndexIsLoadingAndTriesAgain() {
    String stub = failNextDisputeCall(503, "the index is still loading");
    try {
      browser.get(page(SAAS));
      WebElement error = awaitError();
      assertEquals("Scopebot is still loading the documents. Try again in a moment.",
          error.findElement(By.cssSelector(".error-text")).getText());
      error.findElement(By.cssSelector("button.retry")).click();
      awaitResult();
      assertFalse(error.isDisplayed());
      assertEquals(2, browser.findElements(By.cssSelector(".side")).size());
    } finally {
      browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", stub));
    }
  }

  @Test
  void saysWhyAClaimCannotBeChecked() {
    String stub = failNextDisputeCall(400, "missing \"claim\"");
    try {
      browser.get(page(SAAS));
      WebElement error = awaitError();
      assertEquals("This claim can't be checked: missing \"claim\".",
          error.findElement(By.cssSelector(".error-text")).getText());
      assertTrue(error.findElements(By.cssSelector("button.retry")).isEmpty(), "the same claim fails the same way");
    } finally {
      browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", stub));
    }
    // and from the server itself: a claim over the limit
    browser.get(page("a".repeat(1001)));
    assertEquals("This claim can't be checked: \"claim\" is too long: the limit is 1000 characters.",
        awaitError().findElement(By.cssSelector(".error-text")).getText());
  }

  @Test
  void fitsAPhoneAndADesktopAndTakesScreenshots() throws Exception {
    for (Dimension size : List.of(DESKTOP, MOBILE)) {
      HeadlessChromium.viewport(browser, size);
      open(SAAS);
      Number overflow = (Number) browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, overflow.intValue(), "no sideways scrolling at " + size);
      WebElement claim = browser.findElement(By.id("claim"));
      assertTrue((Boolean) browser.executeScript(
          "return arguments[0].scrollHeight <= arguments[0].clientHeight + 1", claim), "the whole claim shows at " + size);
      var against = side("out_of_scope").getRect();
      var forIt = side("in_scope").getRect();
      if (size.equals(DESKTOP)) {
        assertEquals(against.getY(), forIt.getY(), "side by side");
        // the side of the answer in force comes first
        assertTrue(forIt.getX() + forIt.getWidth() <= against.getX(), "side by side");
        HeadlessChromium.screenshot(browser, "dispute-desktop.png");
      } else {
        assertEquals(against.getX(), forIt.getX(), "stacked");
        assertTrue(forIt.getY() + forIt.getHeight() <= against.getY(), "stacked, the answer's side first");
        browser.executeScript("document.querySelector('.evidence').scrollIntoView({block: 'start'})");
        HeadlessChromium.screenshot(browser, "dispute-mobile.png");
      }
    }
  }
}
