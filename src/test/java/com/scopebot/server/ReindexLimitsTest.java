package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.Fixtures;
import com.scopebot.answer.Engine;
import com.scopebot.corpus.CorpusException;
import com.scopebot.corpus.HostileMarkdown;
import com.scopebot.service.LiveIndex;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A reindex can neither take the server down nor reach out of the corpus folder (issue 18: D2, D5, D6). */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReindexLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  @TempDir Path corpus;

  /** Copies a corpus folder's files, each name behind a prefix; returns the bytes copied. */
  private long copy(Path from, String prefix) throws Exception {
    long bytes = 0;
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        bytes += Files.size(Files.copy(f, corpus.resolve(prefix + f.getFileName())));
      }
    }
    return bytes;
  }

  private static Map<String, String> skipped(HttpResponse<String> reindex) throws Exception {
    Map<String, String> out = new java.util.HashMap<>();
    JSON.readTree(reindex.body()).get("skipped").forEach(s -> out.put(s.get("file").asText(), s.get("reason").asText()));
    return out;
  }

  @Test
  void skipsFilesNestedTooDeepAndListsEachWithItsReason() throws Exception {
    copy(Engine.DEFAULT_CORPUS, "");
    try (TestServer s = TestServer.start(data, corpus)) {
      for (Map.Entry<String, String> f : HostileMarkdown.nested().entrySet()) {
        Files.writeString(corpus.resolve(f.getKey()), f.getValue());
      }
      HttpResponse<String> r = s.reindex();
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(6, JSON.readTree(r.body()).get("documents").asInt(), "the bundled documents, all of them");
      assertEquals(Map.of(
              "lists.md", "nested 10000 lists and block quotes deep at line 1; the limit is 100",
              "quotes.md", "nested 10000 lists and block quotes deep at line 1; the limit is 100",
              "stars.md", "40000 emphasis marks (*) at line 1; the limit is 1000",
              "emphasis.md", "20000 emphasis marks (*) at line 1; the limit is 1000",
              "table.md", "HTML nested 20004 elements deep at line 3; the limit is 100"),
          skipped(r));
    }
  }

  @Test
  void aLinkOutOfTheCorpusIsNeitherServedNorFound() throws Exception {
    copy(Fixtures.fixtureCorpus(), "");
    // the control: the same text inside the folder is indexed, served and found
    Files.copy(Path.of("/etc/passwd"), corpus.resolve("inside.md"));
    Files.createSymbolicLink(corpus.resolve("passwd.md"), Path.of("/etc/passwd"));
    try (TestServer s = TestServer.start(data, corpus)) {
      assertEquals(404, s.get("/api/documents/passwd.md").statusCode());
      assertEquals(200, s.get("/api/documents/inside.md").statusCode());
      JsonNode found = JSON.readTree(s.get("/api/search?q=nologin").body());
      List<String> documents = new ArrayList<>();
      found.get("results").forEach(h -> documents.add(h.get("document").asText()));
      assertTrue(found.get("total").asInt() > 0 && documents.stream().allMatch("inside.md"::equals), found.toString());
      assertEquals("a link out of the corpus folder; not followed", skipped(s.reindex()).get("passwd.md"));
    }
  }

  @Test
  void aCorpusJustUnderTheHeapLimitReindexesWhileTheServerAnswersAndOneByteMoreIsRefused() throws Exception {
    CorpusLimit limit = CorpusLimit.of(Long.MAX_VALUE, Runtime.getRuntime().maxMemory());
    long bundled = copy(Engine.DEFAULT_CORPUS, "0-");
    long size = bundled;
    for (int i = 1; size + bundled <= limit.bytes(); i++) {
      size += copy(Engine.DEFAULT_CORPUS, i + "-");
    }
    try (TestServer s = TestServer.start(data, corpus)) {
      // the first question after a start took 5 s here beside a running reindex (cold code, histories worked out on
      // first use): the start's cost, asked for before the probes so that they measure the reindex's
      assertEquals(200, s.postJson("/api/ask", "{\"question\": \"Who configures DNS?\"}").statusCode());
      try (Probes probes = Probes.start(s)) {
        HttpResponse<String> r = s.reindex();
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(6 * (size / bundled), JSON.readTree(r.body()).get("documents").asInt(), "size " + size);
        Files.writeString(corpus.resolve("over.md"), "x".repeat((int) (limit.bytes() - size + 1)));
        HttpResponse<String> over = s.reindex();
        assertEquals(422, over.statusCode(), over.body());
        assertEquals("the corpus is " + (limit.bytes() + 1) + " bytes, over the limit of " + limit.bytes() + " bytes ("
            + limit.source() + "); the previous index keeps serving", JSON.readTree(over.body()).get("error").asText());
        probes.close();
        assertAnsweredThroughout(probes, 2);
      }
    }
  }

  /** Every probe answered 200 within the probe timeout, and at least so many were sent. */
  private static void assertAnsweredThroughout(Probes probes, int atLeast) {
    System.out.println("probes: " + probes.answered() + " answered, the slowest in " + probes.slowestMillis() + " ms");
    assertEquals(List.of(), probes.failures(), "probes answered: " + probes.answered());
    assertTrue(probes.answered() >= atLeast, "probes answered: " + probes.answered());
    assertTrue(probes.slowestMillis() < Probes.TIMEOUT.toMillis(), "slowest probe " + probes.slowestMillis() + " ms");
  }

  @Test
  void anOutOfMemoryErrorInTheBuildFailsThatReindexAndTheServerKeepsAnswering() throws Exception {
    copy(Fixtures.fixtureCorpus(), "");
    AtomicInteger builds = new AtomicInteger();
    LiveIndex.Builder failsAfterTheFirst = (c, syn) -> {
      if (builds.incrementAndGet() > 1) {
        long[] tooLarge = new long[Integer.MAX_VALUE - 8]; // 16 GB: the JVM itself raises the OutOfMemoryError
        throw new IllegalStateException("allocated " + tooLarge.length);
      }
      return Engine.load(c, syn);
    };
    try (TestServer s = TestServer.start(data, corpus, failsAfterTheFirst); Probes probes = Probes.start(s)) {
      HttpResponse<String> r = s.reindex();
      assertEquals(422, r.statusCode(), r.body());
      assertEquals("reindex failed, the previous index keeps serving: the heap ("
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB) ran out while indexing",
          JSON.readTree(r.body()).get("error").asText());
      Thread.sleep(500); // probes after the failure too
      probes.close();
      assertAnsweredThroughout(probes, 4);
      assertEquals(2, builds.get());
    }
  }

  @Test
  void aSecondReindexWhileOneRunsGets409AtOnce() throws Exception {
    copy(Fixtures.fixtureCorpus(), "");
    AtomicInteger builds = new AtomicInteger();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    LiveIndex.Builder waitsOnTheSecond = (c, syn) -> {
      if (builds.incrementAndGet() == 2) {
        entered.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new CorpusException("interrupted");
        }
      }
      return Engine.load(c, syn);
    };
    try (TestServer s = TestServer.start(data, corpus, waitsOnTheSecond)) {
      CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
        try {
          return s.reindex();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertTrue(entered.await(10, TimeUnit.SECONDS), "the first reindex started");
      long start = System.nanoTime();
      HttpResponse<String> second = s.reindex();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(409, second.statusCode(), second.body());
      assertEquals("a reindex is already running; ask again once it has finished",
          JSON.readTree(second.body()).get("error").asText());
      assertTrue(millis < 1_000, "409 after " + millis + " ms");
      release.countDown();
      assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
      assertEquals(2, builds.get(), "the refused reindex built nothing");
    }
  }

  @Test
  void theImageAndThePodExitOnAnOutOfMemoryError() throws Exception {
    // what catching the error in the reindex worker cannot do: an OutOfMemoryError in any other thread restarts the pod
    for (Path file : List.of(Path.of("Dockerfile"), Path.of("manifests/k8s/deployment.yaml"))) {
      List<String> options = Files.readAllLines(file).stream()
          .filter(l -> l.contains("JAVA_TOOL_OPTIONS=") || l.trim().startsWith("value: \"-Xmx")).toList();
      assertEquals(1, options.size(), file + ": " + options);
      assertTrue(options.get(0).contains("-XX:+ExitOnOutOfMemoryError"), file + ": " + options.get(0));
    }
  }
}
