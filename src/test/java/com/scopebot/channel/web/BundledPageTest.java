package com.scopebot.channel.web;

import static com.scopebot.channel.web.HeadlessChromium.DESKTOP;

import com.scopebot.answer.Engine;
import com.scopebot.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests of the web pages share: a server on the bundled corpus and a headless
 * Chromium, started once per test class, and a desktop-sized window before each test.
 */
abstract class BundledPageTest {

  @TempDir static Path data;
  @TempDir static Path profile;
  static TestServer server;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data, Engine.DEFAULT_CORPUS);
    browser = HeadlessChromium.start(profile);
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

  @BeforeEach
  void desktop() {
    HeadlessChromium.viewport(browser, DESKTOP);
  }

  /**
   * A wait that polls through the page re-rendering: an element found in one poll may be replaced before the next
   * reads it (a stale reference), which is the page still changing, not a failure.
   */
  static WebDriverWait waitUpTo(int seconds) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** An element's text as the page holds it, hidden parts included. */
  static String text(WebElement e) {
    return e.getAttribute("textContent").trim();
  }
}
