package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started as README says ({@code java -jar target/scopebot.jar …}) from a folder that has no
 * {@code index-data}: it answers from the corpus it carries. Runs after {@code package} (failsafe).
 */
class JarInAnyFolderIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path JAR = Path.of("target", "scopebot.jar").toAbsolutePath();
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
  private static final Pattern READY = Pattern.compile("Scopebot ready at (\\S+)");

  @TempDir Path elsewhere;

  private ProcessBuilder jar(String... args) {
    List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-Xmx256m", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(elsewhere.toFile());
  }

  @Test
  void askAnswersFromTheBundledCorpus() throws Exception {
    Process p = jar("ask", "--json", "Is AD FS covered for multiple forests?").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    JsonNode answer = JSON.readTree(out);
    assertEquals("out_of_scope", answer.get("verdict").asText());
    assertTrue(answer.get("citations").get(0).get("document").asText().startsWith("ems-"), out);
    assertTrue(answer.get("citations").get(0).get("url").asText().startsWith("https://github.com/MicrosoftDocs/"),
        "the permalinks come from the bundled sources.json: " + out);
  }

  @Test
  void serveAnswersFromTheBundledCorpus() throws Exception {
    ProcessBuilder b = jar("serve", "--host", "127.0.0.1", "--port", "0").redirectErrorStream(true);
    b.environment().put("SCOPEBOT_DATA_DIR", elsewhere.resolve("data").toString());
    b.environment().remove("SCOPEBOT_CORPUS");
    Process p = b.start();
    // a server that never gets ready is stopped, which ends its output and fails the test below
    CompletableFuture.runAsync(p::destroyForcibly, CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES));
    try {
      List<String> log = new ArrayList<>();
      String url = null;
      BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while (url == null && (line = lines.readLine()) != null) {
        log.add(line);
        Matcher m = READY.matcher(line);
        url = m.find() ? m.group(1) : null;
      }
      assertNotNull(url, "the server never said it was ready: " + log);
      assertTrue(log.stream().noneMatch(l -> l.contains("\u001b")), "no terminal escape codes: " + log);
      assertTrue(log.stream().anyMatch(l -> l.contains("INFO ScopeServer - configuration: Config[")
          && l.contains("adminToken=(unset)")), "the configuration is logged at start: " + log);
      // the jar keeps the filled-in project.properties, not the SDK's copy with its placeholder
      assertTrue(log.stream().anyMatch(l -> l.matches(".*Teams replies as BotBuilder/\\d+\\.\\d+\\.\\d+ \\(JVM .*")),
          "the Teams user agent names the SDK's version: " + log);
      // keep reading what it logs, or a full pipe would stall it
      Thread drain = new Thread(() -> lines.lines().forEach(l -> { }));
      drain.setDaemon(true);
      drain.start();
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url).resolve("/api/ask")).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"Who is responsible for SSL certificates?\"}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("customer", JSON.readTree(r.body()).get("verdict").asText(), r.body());
      assertTrue(Files.exists(elsewhere.resolve("data/answers.db")));
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theBuildsClassArchiveFitsTheJarAndTheJvm() throws Exception {
    // -Xshare:on refuses to start unless the archive maps: one written for another jar or JVM fails here, where
    // README's command (sharing on "auto") would only start slower
    Path archive = Path.of("target", "scopebot.jsa").toAbsolutePath();
    assertTrue(Files.size(archive) > 1_000_000, "the package phase's training run wrote " + archive);
    Process p = new ProcessBuilder(JAVA.toString(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
        "-XX:TieredStopAtLevel=1", "-Xlog:cds=info", "-jar", JAR.toString(), "--version")
        .directory(elsewhere.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("Opened archive " + archive + "."), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("scopebot \\S+")), out);
  }
}
