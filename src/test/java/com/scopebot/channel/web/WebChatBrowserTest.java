package com.scopebot.channel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat in a real headless browser ({@link HeadlessChromium}). Leaves screenshots in {@code target/screenshots/}: {@code webchat.png}, and
 * {@code webchat-desktop.png} (1280×900) and {@code webchat-mobile.png} (400×800) with an answer on screen.
 */
class WebChatBrowserTest extends BundledPageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Dimension DESKTOP = HeadlessChromium.DESKTOP;
  private static final Dimension MOBILE = HeadlessChromium.MOBILE;

  /** Two documents in force give the task to different sides, so the answer carries {@code sourcesDiffer}. */
  private static final String DISAGREEING = "Who configures the firewall ports, us or Microsoft?";
  /** The 2018 revision grants up to three applications where the 2016 one granted one: a change, not a disagreement. */
  private static final String CHANGED = "How many SaaS applications with single sign-on are integrated?";

  /** Every test starts on a desktop-sized page with no conversation saved in the browser, nor one going on. */
  @BeforeEach
  void freshPage() {
    viewport(DESKTOP);
    browser.get(server.uri("/").toString());
    browser.executeScript("localStorage.clear(); sessionStorage.clear()");
    browser.navigate().refresh();
  }

  private static void viewport(Dimension size) {
    HeadlessChromium.viewport(browser, size);
  }

  /** Asks in the page as it is and returns the new answer once it shows. */
  private static WebElement ask(String question) {
    int before = browser.findElements(By.cssSelector("article.answer")).size();
    WebElement input = browser.findElement(By.id("question"));
    input.sendKeys(question);
    browser.findElement(By.id("ask")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.answer"), before + 1));
    List<WebElement> answers = browser.findElements(By.cssSelector("article.answer"));
    WebElement answer = answers.get(answers.size() - 1);
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(answer));
    awaitScrollEnd();
    return answer;
  }

  /**
   * Waits until the page stops moving: the chat scrolls smoothly to a new answer, and a click meanwhile can land on
   * whatever scrolls under the pointer (the input bar).
   */
  private static void awaitScrollEnd() {
    long[] last = {-1};
    new WebDriverWait(browser, Duration.ofSeconds(5)).pollingEvery(Duration.ofMillis(100)).until(d -> {
      long y = ((Number) browser.executeScript("return window.scrollY")).longValue();
      boolean still = y == last[0];
      last[0] = y;
      return still;
    });
  }

  private static void screenshot(String name) throws Exception {
    HeadlessChromium.screenshot(browser, name);
  }

  /** Whether the element a person would click or type into at the centre of {@code e} is {@code e} or inside it. */
  private static boolean uncoveredAtItsCentre(WebElement e) {
    return (Boolean) browser.executeScript(
        "var r = arguments[0].getBoundingClientRect();"
            + "if (r.width === 0 || r.height === 0) return false;"
            + "var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
            + "return hit !== null && arguments[0].contains(hit);", e);
  }

  @Test
  void showsOutOfScopeWithTheCitedNoteAndTakesAScreenshot() throws Exception {
    WebElement answer = ask("Is AD FS covered for multiple forests?");
    assertEquals("out_of_scope", answer.getAttribute("data-verdict"));
    assertTrue(answer.findElement(By.cssSelector(".verdict.badge")).getText().contains("Out of scope"));
    WebElement first = answer.findElements(By.cssSelector("li.citation")).get(0);
    assertEquals("For all multiple forest configurations, AD FS deployments are out of scope.",
        first.findElement(By.cssSelector("blockquote.quote")).getText().replaceAll("^[“\"]|[”\"]$", ""));
    screenshot("webchat.png");
  }

  @Test
  void namesACitedDocumentByItsTitleAndLinksToTheFile() {
    WebElement answer = ask("Is AD FS covered for multiple forests?");
    WebElement first = answer.findElements(By.cssSelector("li.citation")).get(0);
    String trail = first.findElement(By.cssSelector(".trail")).getText();
    assertEquals("FastTrack responsibilities › Enable phase · 2018-12-04", trail);
    WebElement link = first.findElement(By.cssSelector("a.source-link"));
    assertEquals("Open in document ↗", link.getText());
    assertTrue(link.getAttribute("href").endsWith("#L89"), link.getAttribute("href"));
    assertEquals("ems-fasttrack-responsibilities-2018-12.md, line 89", link.getAttribute("title"));
    assertTrue(link.getAccessibleName().startsWith("Open in document: ems-fasttrack-responsibilities-2018-12.md"),
        link.getAccessibleName());
  }

  @Test
  void saysThatSourcesDifferOnce() {
    WebElement answer = ask(DISAGREEING);
    String text = answer.getText();
    assertEquals(1, text.split("Sources differ", -1).length - 1, text);
    assertTrue(answer.findElement(By.cssSelector(".sources-differ")).getText().startsWith("Sources differ:"));
  }

  @Test
  void saysHowTheCitedStatementReadBeforeAsAChangeNotADisagreement() {
    WebElement answer = ask(CHANGED);
    WebElement note = answer.findElement(By.cssSelector(".change-note"));
    assertTrue(note.getText().startsWith("Changed in the 2018-03-09 revision; the 2016-04-27 revision said: “One"
        + " integrated application"), note.getText());
    WebElement link = note.findElement(By.cssSelector("a.source-link"));
    assertEquals("Open the 2016-04-27 revision ↗", link.getText());
    assertTrue(link.getAttribute("href").endsWith("#L128"), link.getAttribute("href"));
    assertTrue(answer.findElements(By.cssSelector(".sources-differ")).isEmpty(), "one document changing: " + answer.getText());
    assertFalse(answer.findElement(By.cssSelector(".answer-text")).getText().contains("Changed in"));
  }

  @Test
  void recordsThumbsDownWithAReason() throws Exception {
    WebElement answer = ask("Who is responsible for SSL certificates?");
    assertEquals("customer", answer.getAttribute("data-verdict"));
    answer.findElement(By.cssSelector(".feedback-down")).click();
    WebElement reason = new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.feedback-reason input")));
    reason.sendKeys("cites the 2016 document");
    answer.findElement(By.cssSelector(".feedback-send")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".feedback-done")));

    String id = answer.getAttribute("data-id");
    JsonNode record = JSON.readTree(server.get("/api/answers/" + id).body());
    assertEquals("web", record.get("channel").asText());
    assertEquals("cites the 2016 document", record.get("feedback").get(0).get("reason").asText());
    assertEquals("web", record.get("feedback").get(0).get("channel").asText());
  }

  @Test
  void theReasonBoxShowsAboveTheInputBar() {
    for (Dimension size : List.of(MOBILE, DESKTOP)) {
      freshPage();
      viewport(size);
      WebElement answer = ask(DISAGREEING);
      // scrolled down through the answer until 👎 shows just above the input bar
      WebElement down = answer.findElement(By.cssSelector(".feedback-down"));
      browser.executeScript("window.scrollBy(0, arguments[0].getBoundingClientRect().bottom + 4"
          + " - document.querySelector('.composer').getBoundingClientRect().top)", down);
      assertTrue(uncoveredAtItsCentre(down), "👎 is clickable at " + size);
      down.click();
      WebElement box = answer.findElement(By.cssSelector("form.feedback-reason"));
      new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(box));
      WebElement input = box.findElement(By.cssSelector("input"));
      WebElement send = box.findElement(By.cssSelector(".feedback-send"));
      new WebDriverWait(browser, Duration.ofSeconds(5))
          .withMessage("the reason box is covered at " + size)
          .until(d -> uncoveredAtItsCentre(box) && uncoveredAtItsCentre(input) && uncoveredAtItsCentre(send));
    }
  }

  @Test
  void keepsTheConversationAcrossAReloadUntilCleared() {
    WebElement asked = ask("Who configures DNS?");
    String id = asked.getAttribute("data-id");
    browser.navigate().refresh();

    List<WebElement> answers = browser.findElements(By.cssSelector("article.answer"));
    assertEquals(1, answers.size());
    assertEquals(id, answers.get(0).getAttribute("data-id"));
    assertEquals("shared", answers.get(0).getAttribute("data-verdict"));
    assertFalse(answers.get(0).findElements(By.cssSelector("li.citation")).isEmpty());
    assertEquals("Who configures DNS?", browser.findElement(By.cssSelector(".message.user")).getText());

    WebElement clear = browser.findElement(By.id("clear-history"));
    assertTrue(clear.isDisplayed());
    clear.click();
    assertTrue(browser.findElements(By.cssSelector("#log .message")).isEmpty());
    browser.navigate().refresh();
    assertTrue(browser.findElements(By.cssSelector("#log .message")).isEmpty());
    assertFalse(browser.findElement(By.id("clear-history")).isDisplayed());
  }

  @Test
  void remembersThatFeedbackWasSentAcrossAReload() {
    WebElement answer = ask("Who configures DNS?");
    answer.findElement(By.cssSelector(".feedback-up")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".feedback-done")));
    browser.navigate().refresh();
    WebElement restored = browser.findElement(By.cssSelector("article.answer"));
    assertTrue(restored.findElements(By.cssSelector(".feedback-up")).isEmpty());
    assertFalse(restored.findElements(By.cssSelector(".feedback-done")).isEmpty());
  }

  @Test
  void copiesAnAbsoluteLinkToTheAnswerRecord() throws Exception {
    WebElement answer = ask("Who configures DNS?");
    String link = server.uri("/answers/" + answer.getAttribute("data-id")).toString();
    browser.executeScript("window.copied = null; Object.defineProperty(navigator, 'clipboard', {configurable: true,"
        + " value: {writeText: function (t) { window.copied = t; return Promise.resolve(); }}})");
    WebElement copy = answer.findElement(By.cssSelector("button.copy-link"));
    assertEquals("Copy link", copy.getText());
    copy.click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> copy.getText().startsWith("Copied"));
    assertEquals(link, browser.executeScript("return window.copied"));
    assertEquals(200, server.get(java.net.URI.create(link).getPath()).statusCode());
  }

  @Test
  void anAnswerGivenWithoutARecordSaysSoAndOffersNoLinkOrThumbs() {
    // the server's own answer, as it comes while the answer store is down: no id, recorded false, the note
    browser.executeScript("var note = arguments[0], real = window.fetch; window.fetch = function (url, init) {"
        + " return real.call(window, url, init).then(function (r) { if (String(url).indexOf('/api/ask') < 0) return r;"
        + " return r.json().then(function (a) { delete a.id; a.recorded = false; a.recordNote = note;"
        + " return new Response(JSON.stringify(a), {status: 200, headers: {'Content-Type': 'application/json'}}); });"
        + " }); };", com.scopebot.service.AnswerService.NOT_RECORDED);
    WebElement answer = ask("Who configures DNS?");
    assertEquals(com.scopebot.service.AnswerService.NOT_RECORDED,
        answer.findElement(By.cssSelector(".not-recorded")).getText().replaceFirst("^ⓘ ", ""));
    assertTrue(answer.findElements(By.cssSelector("button.copy-link")).isEmpty());
    assertTrue(answer.findElements(By.cssSelector(".feedback-up")).isEmpty());
    assertFalse(answer.findElement(By.cssSelector(".answer-text")).getText().isEmpty(), "the answer itself shows");
  }

  @Test
  void selectsTheLinkWhenTheClipboardCannotBeUsed() {
    WebElement answer = ask("Who configures DNS?");
    String link = server.uri("/answers/" + answer.getAttribute("data-id")).toString();
    // plain http on a host other than localhost has no Clipboard API
    browser.executeScript("Object.defineProperty(navigator, 'clipboard', {configurable: true, value: undefined})");
    answer.findElement(By.cssSelector("button.copy-link")).click();
    WebElement field = answer.findElement(By.cssSelector("input.record-url"));
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(field));
    assertEquals(link, field.getAttribute("value"));
    assertEquals(field, browser.switchTo().activeElement());
    assertEquals(link, browser.executeScript(
        "var f = arguments[0]; return f.value.substring(f.selectionStart, f.selectionEnd)", field));
  }

  @Test
  void saysHowConfidentInWordsWithTheNumberInATooltip() {
    WebElement sure = ask("Is AD FS covered for multiple forests?");
    WebElement confidence = sure.findElement(By.cssSelector(".confidence"));
    assertEquals("High confidence", confidence.getText());
    assertTrue(confidence.getAttribute("title").matches("Confidence (0\\.[89]\\d|1\\.00) on a scale from 0 to 1"),
        confidence.getAttribute("title"));

    // the words follow the number: high from 0.8, medium from 0.7, low below (committed answers start near 0.7)
    WebElement unsure = ask("during the remediate phase are there regular calls with FT to track progress, or are we on"
        + " our own until enable starts?").findElement(By.cssSelector(".confidence"));
    java.util.regex.Matcher number = java.util.regex.Pattern.compile("Confidence (\\d\\.\\d\\d) on a scale from 0 to 1")
        .matcher(unsure.getAttribute("title"));
    assertTrue(number.matches(), unsure.getAttribute("title"));
    double c = Double.parseDouble(number.group(1));
    assertEquals(c >= 0.8 ? "High confidence" : c >= 0.7 ? "Medium confidence" : "Low confidence", unsure.getText());

    WebElement unknown = ask("Does FastTrack migrate SharePoint on-premises sites?");
    assertEquals("unknown", unknown.getAttribute("data-verdict"));
    assertTrue(unknown.findElements(By.cssSelector(".confidence")).isEmpty());
  }

  @Test
  void readsAFollowUpAgainstTheQuestionBefore() {
    ask("Is AD FS covered for multiple forests?");
    WebElement followUp = ask("and for a single forest?");
    assertEquals("in_scope", followUp.getAttribute("data-verdict"));
    assertEquals("Reading this as: Is AD FS covered for a single forest?",
        followUp.findElement(By.cssSelector(".read-as")).getText());
    assertFalse(followUp.findElement(By.cssSelector(".answer-text")).getText().contains("Reading this as"));

    browser.findElement(By.id("clear-history")).click();
    WebElement fresh = ask("and for a single forest?");
    assertTrue(fresh.findElements(By.cssSelector(".read-as")).isEmpty(),
        "a cleared conversation has no question before");
  }

  @Test
  void answersAsOfTheDateChosen() {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "document.getElementById('as-of').value = '2017-06-01'");
    WebElement answer = ask("Is AD FS covered for multiple forests?");
    assertTrue(answer.findElement(By.cssSelector(".answer-text")).getText().startsWith("As of 2017-06-01"),
        answer.getText());
  }

  @Test
  void showsWhatChangedWithLabelledLinksToTheChangesPage() {
    WebElement answer = ask("what changed in the FastTrack responsibilities?");
    WebElement text = answer.findElement(By.cssSelector(".changes-summary"));
    assertFalse(text.getText().contains("`") || text.getText().contains("https://"), text.getText());
    assertTrue(text.getText().startsWith("What changed in FastTrack responsibilities, 2018-03-09 → 2018-12-04: "),
        text.getText());
    WebElement example = text.findElement(By.cssSelector(".change-examples a.source-link"));
    assertTrue(example.getText().matches("2018-12-04, line \\d+ ↗"), example.getText());
    assertTrue(example.getAttribute("href").startsWith("https://github.com/MicrosoftDocs/EMDocs/blob/"));
    WebElement page = text.findElement(By.cssSelector(".change-page a"));
    assertEquals("Every change in this step, with both revisions' links ↗", page.getText());
    assertEquals(server.uri("/changes.html?document=ems-fasttrack-responsibilities-2018-12.md"
        + "&to=ems-fasttrack-responsibilities-2018-12.md").toString(), page.getAttribute("href"));
  }

  @Test
  void answersAGreetingWithoutAVerdict() {
    WebElement reply = ask("hi");
    assertEquals("greeting", reply.getAttribute("data-small-talk"));
    String badge = reply.findElement(By.cssSelector(".verdict.badge")).getText();
    assertTrue(badge.endsWith("About Scopebot"), badge);
    assertTrue(reply.findElements(By.cssSelector(".confidence")).isEmpty());
    assertTrue(reply.findElements(By.cssSelector(".feedback-up, .feedback-down")).isEmpty());
  }

  @Test
  void fitsAPhoneAndADesktopAndTakesScreenshots() throws Exception {
    for (Dimension size : List.of(DESKTOP, MOBILE)) {
      freshPage();
      viewport(size);
      ask(DISAGREEING);
      // let the smooth scroll to the answer settle before the picture
      Thread.sleep(800);
      Number overflow = (Number) browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, overflow.intValue(), "no sideways scrolling at " + size);
      screenshot(size == MOBILE ? "webchat-mobile.png" : "webchat-desktop.png");
    }
  }

  @Test
  void theTitleReadsOnOneLineOnADesktopAndTwoAtMostOnAPhone() {
    for (Dimension size : List.of(DESKTOP, MOBILE)) {
      viewport(size);
      WebElement title = browser.findElement(By.cssSelector(".site-header h1"));
      double line = Double.parseDouble(title.getCssValue("line-height").replace("px", ""));
      int lines = (int) Math.round(title.getRect().getHeight() / line);
      assertTrue(lines <= (size.equals(DESKTOP) ? 1 : 2), "the title takes " + lines + " lines at " + size);
      // the pages' links stay whole and on screen beside or under it
      for (WebElement link : browser.findElements(By.cssSelector(".site-nav a"))) {
        assertTrue(link.getRect().getX() + link.getRect().getWidth() <= size.getWidth(), link.getText() + " at " + size);
      }
    }
  }

  @Test
  void askingAnExampleQuestionAnswersIt() {
    browser.findElements(By.cssSelector("button.example")).get(1).click();
    WebElement answer = new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.answer")));
    assertEquals("customer", answer.getAttribute("data-verdict"));
  }
}
