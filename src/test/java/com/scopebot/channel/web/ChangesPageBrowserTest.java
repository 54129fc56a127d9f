package com.scopebot.channel.web;

import static com.scopebot.channel.web.HeadlessChromium.DESKTOP;
import static com.scopebot.channel.web.HeadlessChromium.MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * "What changed" ({@code /changes.html}) in a real headless browser, over the bundled corpus and its chain of three
 * revisions (2016-04 → 2018-03 → 2018-12). Leaves {@code changes-desktop.png} (1280×900) and {@code
 * changes-mobile.png} (400×800) in {@code target/screenshots/}.
 */
class ChangesPageBrowserTest extends BundledPageTest {



  private static void open(String query) {
    browser.get(server.uri("/changes.html" + query).toString());
    awaitResult();
  }

  private static void awaitResult() {
    waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .family")));
  }

  private static List<WebElement> steps() {
    return browser.findElements(By.cssSelector("details.step"));
  }

  /** The change of a step whose words contain {@code words}. */
  private static WebElement change(WebElement step, String words) {
    return step.findElement(By.xpath(".//li[contains(@class, 'change')][.//p[contains(., \"" + words + "\")]]"));
  }

  private static List<String> links(WebElement change) {
    return change.findElements(By.cssSelector("a.source-link")).stream().map(ChangesPageBrowserTest::text).toList();
  }

  @Test
  void listsTheRevisionsAndWhatEachOneChanged() {
    open("");
    WebElement family = browser.findElement(By.cssSelector(".family"));
    assertEquals("FastTrack responsibilities", text(family.findElement(By.cssSelector(".family-title"))));
    List<String> dates = family.findElements(By.cssSelector(".revision-date")).stream()
        .map(ChangesPageBrowserTest::text).toList();
    assertEquals(List.of("2016-04-27", "2018-03-09", "2018-12-04"), dates);
    List<WebElement> revisions = family.findElements(By.cssSelector(".revision"));
    assertEquals("superseded", text(revisions.get(0).findElement(By.cssSelector(".tag"))));
    assertEquals("in force", text(revisions.get(2).findElement(By.cssSelector(".tag"))));

    WebElement newest = steps().get(0);
    assertEquals("2018-03-09 → 2018-12-04", text(newest.findElement(By.cssSelector(".step-revisions"))));
    assertTrue(newest.getAttribute("open") != null, "the newest step is open");
    WebElement autopilot = change(newest, "Setting up Windows Autopilot outside Intune is out of scope");
    assertEquals("added", autopilot.getAttribute("data-kind"));
    assertEquals(List.of("2018-12-04, line " + lineOf(autopilot) + " ↗"), links(autopilot));
    assertEquals("added", change(newest, "Azure Active Directory Access Reviews.").getAttribute("data-kind"));

    WebElement older = steps().get(1);
    assertEquals("2016-04-27 → 2018-03-09", text(older.findElement(By.cssSelector(".step-revisions"))));
    assertFalse(older.findElement(By.cssSelector(".change-list")).isDisplayed(), "older steps start closed");
    older.findElement(By.cssSelector("summary")).click();
    WebElement saas = change(older, "Up to three (3) or more");
    assertEquals("reworded", saas.getAttribute("data-kind"));
    assertTrue(text(saas.findElement(By.cssSelector("del"))).startsWith("One integrated application"));
    assertTrue(text(saas.findElement(By.cssSelector("ins"))).startsWith("Up to three (3) or more"));
    List<String> both = links(saas);
    assertEquals(2, both.size(), both.toString());
    assertTrue(both.get(0).startsWith("2016-04-27, line ") && both.get(1).startsWith("2018-03-09, line "), both.toString());
  }

  private static String lineOf(WebElement change) {
    String href = change.findElement(By.cssSelector("a.source-link")).getAttribute("href");
    return href.substring(href.lastIndexOf("#L") + 2);
  }

  @Test
  void theKindAndTheDateLiveInTheAddress() {
    open("");
    browser.findElement(By.cssSelector(".kinds input[value='added']")).click();
    assertTrue(browser.getCurrentUrl().endsWith("/changes.html?kind=added"), browser.getCurrentUrl());
    WebElement newest = steps().get(0);
    assertTrue(newest.findElements(By.cssSelector(".change")).stream()
        .filter(WebElement::isDisplayed).allMatch(c -> "added".equals(c.getAttribute("data-kind"))));
    assertTrue(change(newest, "Setting up Windows Autopilot outside Intune").isDisplayed());
    assertFalse(change(newest, "Activating your Microsoft online service tenant").isDisplayed(), "a rewording");

    browser.executeScript("document.getElementById('since').value = '2018-06-01'");
    browser.findElement(By.id("show")).click();
    waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("?since=2018-06-01&kind=added") && steps().size() == 1);
    browser.navigate().refresh();
    awaitResult();
    assertEquals(1, steps().size());
    assertEquals("2018-06-01", browser.findElement(By.id("since")).getAttribute("value"));
    assertTrue(browser.findElement(By.cssSelector(".kinds input[value='added']")).isSelected());

    browser.navigate().back();
    waitUpTo(10).until(d -> steps().size() == 2);
    assertEquals("", browser.findElement(By.id("since")).getAttribute("value"));
  }

  @Test
  void showsADocumentWithOneRevision() {
    open("?document=Your+responsibilities");
    assertEquals("Your responsibilities", text(browser.findElement(By.cssSelector(".family-title"))));
    assertEquals("This document has no earlier revision.", text(browser.findElement(By.cssSelector(".no-changes"))));
    assertTrue(steps().isEmpty());
  }

  @Test
  void saysWhichDocumentsThereAreWhenNoneIsNamedSo() {
    browser.get(server.uri("/changes.html?document=nope").toString());
    WebElement error = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    String message = text(error.findElement(By.cssSelector(".error-text")));
    assertTrue(message.startsWith("These changes can't be shown: no document is named \"nope\"; the documents are:"),
        message);
    assertTrue(error.findElements(By.cssSelector("button.retry")).isEmpty());
  }

  @Test
  void theChatLinksHere() {
    browser.get(server.uri("/").toString());
    browser.findElement(By.cssSelector(".site-nav a[href='/changes.html']")).click();
    awaitResult();
    assertEquals("What changed — Scopebot", browser.getTitle());
  }

  @Test
  void fitsAPhoneAndADesktopAndTakesScreenshots() throws Exception {
    for (Dimension size : List.of(DESKTOP, MOBILE)) {
      HeadlessChromium.viewport(browser, size);
      open("");
      Number overflow = (Number) browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, overflow.intValue(), "no sideways scrolling at " + size);
      if (size.equals(MOBILE)) {
        browser.executeScript("document.querySelector('.step').scrollIntoView({block: 'start'})");
      }
      HeadlessChromium.screenshot(browser, size.equals(MOBILE) ? "changes-mobile.png" : "changes-desktop.png");
    }
  }
}
