package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What README tells a newcomer to run and where to look, checked against the repository. */
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
  void theTwoCommandsBuildAndServeThenInstallWhatTheTestsNeedAndRunThem() {
    assertEquals(List.of("mvn -q -DskipTests package && java -jar target/scopebot.jar serve", ".ci/run"),
        commands(section("Two commands")));
  }
}
