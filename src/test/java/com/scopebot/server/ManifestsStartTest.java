package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.scopebot.answer.Engine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes manifests as shipped start a server: the ConfigMap, the example Secret (its empty values, as when
 * applied by mistake) and the Deployment's literal settings, as the pod's environment.
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

    // only what a test must change: the machine's ports, folders and the corpus the image would hold
    env.putAll(Map.of("SCOPEBOT_PORT", "0", "SCOPEBOT_MANAGEMENT_PORT", "0", "SCOPEBOT_HOST", "127.0.0.1",
        "SCOPEBOT_DATA_DIR", data.toString(), "SCOPEBOT_CORPUS", Engine.defaultCorpus().toString()));
    try (ScopeServer server = ScopeServer.create(Config.fromEnv(env)).start()) {
      URI probe = server.managementUri().resolve(container.at("/readinessProbe/httpGet/path").asText());
      HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(probe).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("\"ready\":true"), ready.body());
    }
  }
}
