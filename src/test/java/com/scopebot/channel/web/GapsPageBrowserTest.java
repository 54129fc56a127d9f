package com.scopebot.channel.web;

import static com.scopebot.channel.web.HeadlessChromium.DESKTOP;
import static com.scopebot.channel.web.HeadlessChromium.MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.records.AnswerStore;
import com.scopebot.server.TestServer;
import com.scopebot.service.GapsFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * "Gaps in the documents" ({@code /gaps.html}) in a real headless browser, over the server's own store filled with 290
 * recorded answers (see {@link GapsFixture}). Leaves {@code gaps-desktop.png} (1280×900), {@code gaps-mobile.png}
 * (400×800), {@code gaps-mobile-group.png} (a group on the phone) and {@code gaps-token.png} (the token asked for)
 * in {@code target/screenshots/}.
 */
class GapsPageBrowserTest extends BundledPageTest {

  @BeforeAll
  static void fill() throws Exception {
    // a second connection to the server's SQLite file, as a second replica would have
    try (AnswerStore store = AnswerStore.sqlite(data, "page-test-salt")) {
      GapsFixture.fill(store, Fixtures.bundled());
    }
  }

  private static void open(String query) {
    browser.get(server.uri("/gaps.html" + query).toString());
  }

  private static void unlock(String token) {
    WebElement field = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    field.sendKeys(token);
    browser.findElement(By.id("unlock")).click();
  }

  private static List<WebElement> groups(String grouping) {
    waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + grouping + " ~ .gap-list")));
    return browser.findElements(By.cssSelector("#" + grouping + " ~ .gap-list > .gap-group"));
  }

  private static void forgetToken() {
    browser.get(server.uri("/gaps.html").toString());
    browser.executeScript("window.sessionStorage.clear()");
  }

  @Test
  void asksForTheAdminTokenAndRefusesAWrongOne() throws Exception {
    forgetToken();
    open("");
    unlock("not-the-token");
    WebElement error = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertTrue(text(error).startsWith("That admin token was not accepted."), text(error));
    assertTrue(browser.findElement(By.id("token-form")).isDisplayed(), "asked again");
    assertFalse(browser.findElement(By.id("result")).isDisplayed());
    assertTrue(browser.findElements(By.cssSelector(".example-question")).isEmpty(), "no question shown");
    HeadlessChromium.screenshot(browser, "gaps-token.png");
  }

  @Test
  void showsTheGroupsWithCountsAndExamplesOnADesktopAndAPhone() throws Exception {
    forgetToken();
    open("");
    unlock(TestServer.ADMIN_TOKEN);
    for (Dimension size : List.of(DESKTOP, MOBILE)) {
      HeadlessChromium.viewport(browser, size);
      open("");
      List<WebElement> topics = groups("by-topic");
      assertEquals(3, topics.size());
      WebElement sentinel = topics.get(0);
      assertEquals("120", text(sentinel.findElement(By.cssSelector(".gap-number"))));
      assertEquals("sentinel", text(sentinel.findElement(By.cssSelector(".term"))));
      assertEquals("first 2026-11-01 00:00 UTC · last 2026-11-05 23:00 UTC",
          text(sentinel.findElement(By.cssSelector(".seen"))));
      assertEquals(GapsFixture.SENTINEL, text(sentinel.findElement(By.cssSelector(".example-question"))));
      WebElement adfs = topics.get(2);
      assertEquals("“" + GapsFixture.REASON + "”", text(adfs.findElement(By.cssSelector(".example-reason"))));
      assertTrue(text(adfs.findElement(By.cssSelector(".outcome-thumbs_down"))).endsWith("40 not helpful"));
      String answer = adfs.findElement(By.cssSelector("a.source-link")).getAttribute("href");
      assertTrue(answer.matches(".*/answers/[0-9a-f]{32}$"), answer);
      List<WebElement> sections = groups("by-section");
      assertEquals("No passage near", text(sections.get(0).findElement(By.cssSelector(".gap-name"))));
      assertTrue(browser.findElements(By.cssSelector(".section-path")).stream().map(BundledPageTest::text)
          .anyMatch("FastTrack responsibilities › Enable phase"::equals));
      assertTrue(text(browser.findElement(By.cssSelector(".totals .outcome-handoff"))).endsWith("10 hand-offs"),
          "the hand-offs posted, not the one only claimed");
      Number overflow = (Number) browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, overflow.intValue(), "no sideways scrolling at " + size);
      HeadlessChromium.screenshot(browser, size.equals(DESKTOP) ? "gaps-desktop.png" : "gaps-mobile.png");
      if (size.equals(MOBILE)) {
        browser.executeScript("arguments[0].scrollIntoView()", adfs);
        HeadlessChromium.screenshot(browser, "gaps-mobile-group.png");
      }
    }
  }

  @Test
  void filtersByChannelAndPeriodFromTheForm() {
    forgetToken();
    open("");
    unlock(TestServer.ADMIN_TOKEN);
    groups("by-topic");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("channel"))).selectByValue("web");
    browser.findElement(By.id("show")).click();
    waitUpTo(10).until(ExpectedConditions.urlContains("channel=web"));
    waitUpTo(10).until(d -> groups("by-topic").size() == 1);
    assertEquals("60", text(groups("by-topic").get(0).findElement(By.cssSelector(".gap-number"))));
    open("?from=2026-11-09&to=2026-11-12&channel=slack");
    waitUpTo(10).until(d -> text(groups("by-topic").get(0).findElement(By.cssSelector(".gap-number"))).equals("80"));
    assertEquals("2026-11-09", browser.findElement(By.id("from")).getAttribute("value"));
    assertEquals("slack", browser.findElement(By.id("channel")).getAttribute("value"));
  }

  @Test
  void downloadsTheSameGapsAsCsvWithTheToken() {
    forgetToken();
    open("?channel=web");
    unlock(TestServer.ADMIN_TOKEN);
    groups("by-topic");
    // the file the page would save: its name, and the blob's text
    browser.executeScript("window.__saved = null;"
        + "URL.createObjectURL = function (blob) {"
        + "  blob.text().then(function (t) { window.__csv = t; }); return 'blob:x'; };"
        + "HTMLAnchorElement.prototype.click = function () { window.__saved = this.download; };");
    browser.findElement(By.id("csv")).click();
    waitUpTo(10).until(d -> browser.executeScript("return window.__csv") != null);
    assertEquals("scopebot-gaps-channel-web.csv", browser.executeScript("return window.__saved"));
    String csv = (String) browser.executeScript("return window.__csv");
    List<String> rows = csv.lines().toList();
    assertTrue(rows.get(0).startsWith("\"grouping\",\"topic_or_section\""), rows.get(0));
    assertTrue(rows.get(1).startsWith("\"topic\",\"sentinel\",\"\",\"60\","), "web only: " + rows.get(1));
  }
}
