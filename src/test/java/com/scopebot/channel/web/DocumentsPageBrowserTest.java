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
 * The document browser ({@code /documents.html}) in a real headless browser, over the bundled corpus. Leaves
 * {@code documents-desktop.png} (1280×900) and {@code documents-mobile.png} (400×800, scrolled to the statements) in
 * {@code target/screenshots/}.
 */
class DocumentsPageBrowserTest extends BundledPageTest {

  private static final String NEWEST = "ems-fasttrack-responsibilities-2018-12.md";
  private static final String MIDDLE = "ems-microsoft-responsibilities-2018-03.md";



  private static void open(String query) {
    browser.get(server.uri("/documents.html" + query).toString());
    waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".library-family")));
  }

  private static WebElement awaitDocument(String title) {
    return waitUpTo(10).until(d -> {
      List<WebElement> t = d.findElements(By.cssSelector("#document-title"));
      return !t.isEmpty() && title.equals(text(t.get(0))) ? d.findElement(By.id("document")) : null;
    });
  }

  /** The statement whose words are {@code words}. */
  private static WebElement statement(String words) {
    return browser.findElement(By.xpath("//li[contains(@class, 'statement')][p[normalize-space(.) = \"" + words
        + "\"]]"));
  }

  private static List<String> tags(WebElement statement) {
    return statement.findElements(By.cssSelector(".tag")).stream().map(DocumentsPageBrowserTest::text).toList();
  }

  @Test
  void listsEveryDocumentAndRevision() {
    open("");
    List<String> families = browser.findElements(By.cssSelector(".library-title")).stream()
        .map(DocumentsPageBrowserTest::text).toList();
    assertEquals(4, families.size(), families.toString());
    assertTrue(families.contains("FastTrack responsibilities") && families.contains("Your responsibilities"));
    WebElement chain = browser.findElements(By.cssSelector(".library-family")).stream()
        .filter(f -> text(f.findElement(By.cssSelector(".library-title"))).equals("FastTrack responsibilities"))
        .findFirst().orElseThrow();
    assertEquals(List.of("2018-12-04", "2018-03-09", "2016-04-27"), chain.findElements(By.cssSelector(".revision-date"))
        .stream().map(DocumentsPageBrowserTest::text).toList());
    assertEquals(List.of("in force", "superseded", "superseded"), chain.findElements(By.cssSelector(".tag"))
        .stream().map(DocumentsPageBrowserTest::text).toList());
    // renamed on the way: the older revisions say under which title
    assertEquals("Microsoft responsibilities", text(chain.findElements(By.cssSelector(".revision-title")).get(0)));
  }

  @Test
  void showsARevisionAsItsStatementsWithWhoHoldsThemAndWhatTheySayAboutScope() {
    open("");
    browser.findElement(By.cssSelector("a.revision-link[href='/documents.html?document=" + NEWEST + "']")).click();
    awaitDocument("FastTrack responsibilities");
    assertTrue(browser.getCurrentUrl().endsWith("/documents.html?document=" + NEWEST), browser.getCurrentUrl());
    assertEquals("page", browser.findElement(By.cssSelector("a.revision-link[href$='" + NEWEST + "']"))
        .getAttribute("aria-current"));

    WebElement adfs = statement("For all multiple forest configurations, AD FS deployments are out of scope.");
    assertEquals(List.of("Microsoft", "out of scope"), tags(adfs));
    assertTrue(adfs.findElement(By.cssSelector("a.source-link")).getAttribute("href").endsWith("#L89"));
    statement("Setting up Windows Autopilot outside Intune is out of scope for the FastTrack benefit.");

    browser.findElement(By.cssSelector("input[name='show'][value='scope']")).click();
    assertTrue(browser.getCurrentUrl().endsWith("?document=" + NEWEST + "&show=scope"), browser.getCurrentUrl());
    List<WebElement> shown = browser.findElements(By.cssSelector("li.statement"));
    assertFalse(shown.isEmpty());
    assertTrue(shown.stream().allMatch(s -> !s.findElements(By.cssSelector(".tag.polarity")).isEmpty()));
    browser.navigate().refresh();
    awaitDocument("FastTrack responsibilities");
    assertTrue(browser.findElement(By.cssSelector("input[name='show'][value='scope']")).isSelected());
    assertEquals(shown.size(), browser.findElements(By.cssSelector("li.statement")).size());

    open("?document=ems-your-responsibilities-2018-08.md");
    awaitDocument("Your responsibilities");
    assertEquals(List.of("Customer"), tags(statement("Provide and configure any public Secure Sockets Layer (SSL)"
        + " certificates.")));
    // a pointer elsewhere under "Your responsibilities" is not the customer's to do
    assertEquals(List.of("see also"), tags(statement("Want to learn more?")));
  }

  @Test
  void theDiffAgainstThePreviousRevisionIsOneClickAway() {
    open("?document=" + MIDDLE);
    WebElement doc = awaitDocument("Microsoft responsibilities");
    assertEquals("Superseded by the revision of 2018-12-04 (“FastTrack responsibilities”).",
        text(doc.findElement(By.cssSelector(".superseded-by"))));
    WebElement changes = doc.findElement(By.cssSelector("a.changes-link"));
    assertEquals("What changed since 2016-04-27", text(changes));
    changes.click();
    waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("details.step")));
    List<WebElement> steps = browser.findElements(By.cssSelector("details.step"));
    WebElement open = steps.stream().filter(s -> s.getAttribute("open") != null).findFirst().orElseThrow();
    assertEquals("2016-04-27 → 2018-03-09", text(open.findElement(By.cssSelector(".step-revisions"))));
    assertEquals(1, steps.stream().filter(s -> s.getAttribute("open") != null).count(), "only that step is open");

    browser.navigate().back();
    awaitDocument("Microsoft responsibilities");
    browser.findElement(By.cssSelector(".superseded-by a")).click();
    awaitDocument("FastTrack responsibilities");
    assertTrue(browser.getCurrentUrl().endsWith("?document=" + NEWEST), browser.getCurrentUrl());
  }

  @Test
  void saysSoWhenNoDocumentHasThatName() {
    open("?document=nope.md");
    WebElement error = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertEquals("There is no document “nope.md”. Choose one from the list.",
        text(error.findElement(By.cssSelector(".error-text"))));
  }

  @Test
  void fitsAPhoneAndADesktopAndTakesScreenshots() throws Exception {
    for (Dimension size : List.of(DESKTOP, MOBILE)) {
      HeadlessChromium.viewport(browser, size);
      open("?document=" + MIDDLE);
      awaitDocument("Microsoft responsibilities");
      Number overflow = (Number) browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, overflow.intValue(), "no sideways scrolling at " + size);
      if (size.equals(MOBILE)) {
        browser.executeScript("document.getElementById('document').scrollIntoView({block: 'start'})");
      }
      HeadlessChromium.screenshot(browser, size.equals(MOBILE) ? "documents-mobile.png" : "documents-desktop.png");
    }
  }
}
