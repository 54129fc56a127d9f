package com.scopebot.channel.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium in headless mode, driven through its chromedriver (both installed by {@code .ci/run}), for the
 * web pages' browser tests; screenshots go to {@code target/screenshots/}.
 */
final class HeadlessChromium {

  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension MOBILE = new Dimension(400, 800);

  private static final String CHROMIUM = System.getProperty("scopebot.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("scopebot.chromedriver", "/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private HeadlessChromium() {}

  /** A browser with its profile in {@code profile}, so no test run sees another's storage. */
  static ChromeDriver start(Path profile) {
    assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "the browser test needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /**
   * Sets the page's viewport to exactly {@code size} (a window's size would include the browser's frame); the phone
   * size is emulated as a phone: scroll bars over the page, the viewport meta tag honoured.
   */
  static void viewport(ChromeDriver browser, Dimension size) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.getWidth(),
        "height", size.getHeight(), "deviceScaleFactor", 1, "mobile", size.equals(MOBILE)));
  }

  /** Saves what the viewport shows as {@code target/screenshots/name}. */
  static void screenshot(ChromeDriver browser, String name) throws Exception {
    Path shot = SCREENSHOTS.resolve(name);
    Files.createDirectories(SCREENSHOTS);
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    assertTrue(Files.size(shot) > 10_000, "a real screenshot");
  }
}
