package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.scopebot.answer.Engine;
import com.scopebot.records.PostgresCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes manifests start a server: the ConfigMap, the Secret filled in as its example says (a salt and a
 * database password made with {@code openssl rand -hex 32}; the rest left empty) and the Deployment's literal
 * settings, as the pod's environment, against a real PostgreSQL that stands for the Service the ConfigMap names.
 */
class ManifestsStartTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path K8S = Path.of("manifests/k8s");

  @TempDir Path data;

  @Test
  void thePodsEnvironmentAsShippedStartsAServerWithItsProbesOnTheManagementPort() throws Exception {
    Map<String, String> env = new HashMap<>();
    YAML.readTree(K8S.resolve("configmap.yaml").toFile()).get("data").fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    YAML.readTree(K8S.resolve("secret.example.yaml").toFile()).get("stringData").fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    // step 2 of manifests/k8s/README.md: what the example says to fill in for PostgreSQL
    env.put("SCOPEBOT_USER_SALT", HexFormat.of().formatHex(random(32)));
    env.put("SCOPEBOT_DB_PASSWORD", HexFormat.of().formatHex(random(16)));
    JsonNode container = YAML.readTree(K8S.resolve("deployment.yaml").toFile()).at("/spec/template/spec/containers/0");
    for (JsonNode e : container.get("env")) {
      if (e.has("value")) {
        env.put(e.get("name").asText(), e.get("value").asText());
      }
    }
    int probePort = -1;
    for (JsonNode p : container.get("ports")) {
      if (p.get("name").asText().equals(container.at("/livenessProbe/httpGet/port").asText())) {
        probePort = p.get("containerPort").asInt();
      }
    }
    assertEquals(Integer.toString(probePort), env.get("SCOPEBOT_MANAGEMENT_PORT"), "the probes ask the management port");
    assertEquals(container.at("/readinessProbe/httpGet/port").asText(),
        container.at("/livenessProbe/httpGet/port").asText());

    // only what a test must change: the machine's ports, folders, the corpus the image would hold, and where the
    // database the ConfigMap names is (the host and port of the test's PostgreSQL, a database of its own)
    PostgresCluster pg = PostgresCluster.shared();
    String database = pg.createDatabase();
    String url = env.get("SCOPEBOT_JDBC_URL");
    assertTrue(url.startsWith("jdbc:postgresql://postgres:5432/"), url);
    createOwner(pg, database, env.get("SCOPEBOT_DB_USER"), env.get("SCOPEBOT_DB_PASSWORD"));
    env.put("SCOPEBOT_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database);
    env.putAll(Map.of("SCOPEBOT_PORT", "0", "SCOPEBOT_MANAGEMENT_PORT", "0", "SCOPEBOT_HOST", "127.0.0.1",
        "SCOPEBOT_DATA_DIR", data.toString(), "SCOPEBOT_CORPUS", Engine.defaultCorpus().toString()));
    try (ScopeServer server = ScopeServer.create(Config.fromEnv(env)).start()) {
      URI probe = server.managementUri().resolve(container.at("/readinessProbe/httpGet/path").asText());
      HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(probe).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("\"ready\":true") && ready.body().contains("\"store\":\"up\""),
          ready.body());
    }
  }

  /** The database's owner as the manifests name it ({@code SCOPEBOT_DB_USER}), with the Secret's password. */
  private static void createOwner(PostgresCluster pg, String database, String user, String password) throws Exception {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database)); Statement s = c.createStatement()) {
      s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + user + "') THEN CREATE ROLE "
          + user + " LOGIN; END IF; END $$");
      s.execute("ALTER ROLE " + user + " PASSWORD '" + password + "'");
      s.execute("ALTER DATABASE " + database + " OWNER TO " + user);
      s.execute("ALTER SCHEMA public OWNER TO " + user);
    }
  }

  private static byte[] random(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return b;
  }

  /** What the image's commands read by default is in the image: teams-package zips manifests/teams. */
  @Test
  void theImageHoldsWhatItsCommandsRead() throws Exception {
    java.util.List<String> ignored = java.nio.file.Files.readAllLines(Path.of(".dockerignore")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertTrue(ignored.stream().noneMatch(l -> "manifests/teams/".startsWith(l.replaceAll("/?\\*?$", "/"))),
        "the build context keeps manifests/teams: " + ignored);
    String dockerfile = java.nio.file.Files.readString(Path.of("Dockerfile"));
    String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    assertTrue(runtime.contains("COPY manifests/teams ./manifests/teams"), "the runtime image copies it");
  }
}
