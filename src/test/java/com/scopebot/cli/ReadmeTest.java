package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** What README and the pages of docs/ tell a newcomer to run and where to look, checked against the repository. */
class ReadmeTest {

  private static String readme;

  @BeforeAll
  static void read() throws Exception {
    readme = Files.readString(Path.of("README.md"));
  }

  /** The text of a {@code ## heading} section, up to the next one. */
  private static String section(String heading) {
    int start = readme.indexOf("\n## " + heading + "\n");
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The indented command lines of a section. */
  private static List<String> commands(String section) {
    return section.lines().filter(l -> l.startsWith("    ")).map(String::strip).toList();
  }

  @Test
  void namesEveryScriptByItsPathInTheRepository() {
    Matcher script = Pattern.compile("`([^`\\s]+\\.(?:py|sh))\\b").matcher(readme);
    List<String> named = new ArrayList<>();
    while (script.find()) {
      named.add(script.group(1));
    }
    assertTrue(named.contains("src/test/eval/score.py"), named.toString());
    for (String path : named) {
      assertTrue(Files.isRegularFile(Path.of(path)), "README names " + path + ", which is not in the repository");
    }
  }

  @Test
  void theLoadTestSaysHowManyRunsItsTableShows() throws Exception {
    String performance = Files.readString(Path.of("docs/performance.md"));
    String http = performance.substring(performance.indexOf("**HTTP**"));
    Matcher said = Pattern.compile("\\. (\\w+) runs[,:]").matcher(http);
    assertTrue(said.find(), http);
    long rows = http.lines().takeWhile(l -> !l.startsWith("Server resident memory"))
        .filter(l -> l.matches("\\| \\d+ .*")).count();
    List<String> numbers = List.of("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine");
    assertEquals(numbers.get((int) rows - 1), said.group(1), "rows in the table: " + rows);
  }

  @Test
  void linksEveryPageOfDocs() throws Exception {
    try (Stream<Path> pages = Files.list(Path.of("docs"))) {
      List<String> unlinked = pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
          .filter(n -> !readme.contains("](docs/" + n + ")") && !readme.contains("](docs/" + n + "#")).toList();
      assertEquals(List.of(), unlinked, "docs pages README does not link");
    }
  }

  @Test
  void everyRelativeLinkOfReadmeAndDocsLeadsToAFileAndEveryAnchorToAHeading() throws Exception {
    List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> pages = Files.list(Path.of("docs"))) {
      pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<String> broken = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      Matcher link = Pattern.compile("\\]\\(([^)\\s]+)\\)").matcher(text);
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path resolved = path.isEmpty() ? file : file.resolveSibling(path).normalize();
        if (!Files.exists(resolved)) {
          broken.add(file + ": " + target);
        } else if (hash >= 0 && !anchors(Files.readString(resolved)).contains(target.substring(hash + 1))) {
          broken.add(file + ": " + target + " (no such heading)");
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  /** GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
  private static List<String> anchors(String markdown) {
    return markdown.lines().filter(l -> l.matches("#{1,6} .*"))
        .map(l -> l.replaceFirst("#+ ", "").strip().toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "")
            .replace(' ', '-'))
        .toList();
  }

  @Test
  void theTwoCommandsBuildAndServeThenInstallWhatTheTestsNeedAndRunThem() {
    assertEquals(List.of("mvn -q -DskipTests package && java -XX:SharedArchiveFile=target/scopebot.jsa " + QUICK_START
        + " -jar target/scopebot.jar serve",
        ".ci/run"), commands(section("Two commands")));
  }

  /** The JVM option that makes the server ready in about 1.1 s instead of 1.8 (docs/performance.md, Startup). */
  private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

  @Test
  void theImageAndThePodStartTheServerAsReadmesCommandDoes() throws Exception {
    Pattern options = Pattern.compile("JAVA_TOOL_OPTIONS[=\\s\\S]*?\"([^\"]*)\"");
    for (Path file : List.of(Path.of("Dockerfile"), Path.of("manifests/k8s/deployment.yaml"))) {
      Matcher m = options.matcher(Files.readString(file));
      assertTrue(m.find(), file + " sets JAVA_TOOL_OPTIONS");
      assertTrue(List.of(m.group(1).split(" ")).contains(QUICK_START), file + ": " + m.group(1));
      // the archive the image's own JVM wrote at build time (an archive fits only the JVM that wrote it)
      assertTrue(List.of(m.group(1).split(" ")).contains("-XX:SharedArchiveFile=/app/scopebot.jsa"),
          file + ": " + m.group(1));
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theBuildLeavesNoEscapeCodeInFrontOfTheServersFirstLine() throws Exception {
    // Debian's Maven 3.8 (with jansi 2) ends even a quiet build with ESC[0m on both streams, with no newline, so the
    // first command's server log began with it; .mvn/jvm.config turns the reset off. validate ends as package does.
    String home = System.getProperty("maven.home");
    String mvn = home == null ? "mvn" : Path.of(home, "bin", "mvn").toString();
    Process p = new ProcessBuilder(mvn, "-q", "-o", "validate").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), out);
    assertEquals("", out.replace("\u001b", "ESC"));
  }
}
