package com.scopebot.channel.web;

import static com.scopebot.channel.web.HeadlessChromium.DESKTOP;
import static com.scopebot.channel.web.HeadlessChromium.MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Search ({@code /search.html}) in a real headless browser, over the bundled corpus: the example queries,
 * refused ones, narrowing by a result's terms and the syntax help. Leaves {@code search-desktop.png} (1280×900) and
 * {@code search-mobile.png} (400×800) in {@code target/screenshots/}.
 */
class SearchPageBrowserTest extends BundledPageTest {



  private static String page(String q) {
    return server.uri("/search.html?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).toString();
  }

  /** Opens the search for {@code q} and returns the results' heading once they show. */
  private static String search(String q) {
    browser.get(page(q));
    return awaitResults();
  }

  private static String awaitResults() {
    return text(waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("result-heading"))));
  }

  private static List<WebElement> results() {
    return browser.findElements(By.cssSelector("li.search-result"));
  }

  private static List<String> terms(WebElement result) {
    return result.findElements(By.cssSelector("button.term")).stream().map(SearchPageBrowserTest::text).toList();
  }

  @Test
  void answersTheExampleQueriesCitingLikeAnswers() {
    assertEquals("3 passages match.", search("holder:customer AND certificat*"));
    WebElement first = results().get(0);
    assertEquals("Provide and configure any public Secure Sockets Layer (SSL) certificates.",
        text(first.findElement(By.cssSelector(".quote"))));
    assertEquals("Your responsibilities › General responsibilities · 2018-08-13",
        text(first.findElement(By.cssSelector(".trail"))));
    assertTrue(first.findElement(By.cssSelector("a.source-link")).getAttribute("href").contains("#L"));
    assertTrue(results().stream().allMatch(r -> terms(r).contains("holder:customer")));
    assertFalse(results().get(0).findElement(By.cssSelector("button.term")).isEnabled(), "already in the query");

    search("polarity:out_of_scope AND section:\"Enable phase\"");
    assertFalse(results().isEmpty());
    assertTrue(results().stream().allMatch(r -> terms(r).contains("polarity:out_of_scope")));

    String heading = search("revision:[2018-01-01 TO 2018-12-31]");
    assertTrue(heading.endsWith("passages match; the first 20 are shown."), heading);
    assertEquals(20, results().size());
    browser.findElement(By.cssSelector("button.more")).click();
    waitUpTo(20).until(d -> results().size() == 100);
    assertTrue(browser.getCurrentUrl().endsWith("&limit=100"), browser.getCurrentUrl());
    assertTrue(results().stream().allMatch(r -> text(r.findElement(By.cssSelector(".trail"))).contains("· 2018-")));
  }

  @Test
  void refusesAMalformedQuerySayingWhereAndWhy() {
    browser.get(server.uri("/search.html").toString());
    WebElement input = browser.findElement(By.id("q"));
    input.sendKeys("revision:[2018 TO", Keys.ENTER);
    WebElement error = waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertEquals("This query can't be run: the query ends too soon, after \"revision:[2018 TO\" (character 17): the"
        + " range is incomplete; write it as [2018-01-01 TO 2018-12-31]",
        text(error.findElement(By.cssSelector(".error-text"))));
    assertTrue(error.findElements(By.cssSelector("button.retry")).isEmpty(), "the same query fails the same way");
    assertFalse(browser.findElement(By.id("result")).isDisplayed());

    browser.get(page("*cert"));
    waitUpTo(20).until(d -> text(d.findElement(By.id("error"))).contains("cannot start with a wildcard"));
  }

  @Test
  void narrowsTheSearchByAResultsTerm() {
    search("certificat*");
    int before = results().size();
    WebElement narrowing = browser.findElement(By.xpath("//button[contains(@class, 'term')]"
        + "[normalize-space(.) = 'condition:if_required']"));
    narrowing.click();
    waitUpTo(20).until(d -> d.getCurrentUrl().equals(page("certificat* AND condition:if_required")));
    awaitResults();
    assertEquals("certificat* AND condition:if_required", browser.findElement(By.id("q")).getAttribute("value"));
    assertTrue(results().size() < before);
    assertTrue(results().stream().allMatch(r -> terms(r).contains("condition:if_required")));

    browser.navigate().back();
    waitUpTo(20).until(d -> "certificat*".equals(d.findElement(By.id("q")).getAttribute("value"))
        && results().size() == before);
  }

  @Test
  void theSyntaxHelpShowsOnAnEmptyPageAndItsExamplesRun() {
    browser.get(server.uri("/search.html").toString());
    WebElement syntax = browser.findElement(By.id("syntax"));
    assertTrue(syntax.getAttribute("open") != null);
    assertTrue(syntax.getText().contains("polarity"), "the fields are listed");
    browser.findElement(By.cssSelector("a.example")).click();
    assertEquals("3 passages match.", awaitResults());
    assertEquals("holder:customer AND certificat*", browser.findElement(By.id("q")).getAttribute("value"));
    assertTrue(browser.findElement(By.id("syntax")).getAttribute("open") == null, "folded under the results");
  }

  @Test
  void fitsAPhoneAndADesktopAndTakesScreenshots() throws Exception {
    for (Dimension size : List.of(DESKTOP, MOBILE)) {
      HeadlessChromium.viewport(browser, size);
      search("holder:customer AND certificat*");
      Number overflow = (Number) browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, overflow.intValue(), "no sideways scrolling at " + size);
      HeadlessChromium.screenshot(browser, size.equals(MOBILE) ? "search-mobile.png" : "search-desktop.png");
    }
  }
}
