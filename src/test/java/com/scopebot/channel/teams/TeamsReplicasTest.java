package com.scopebot.channel.teams;

import static com.scopebot.channel.teams.TeamsFixtures.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.Fixtures;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.Feedback;
import com.scopebot.records.MemoryDeliveries;
import com.scopebot.records.RecordWriter;
import com.scopebot.service.AnswerService;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.ScopeMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas behind one Teams bot: an answer given by one, Teams' own 👍 on it reaching another. Each replica has its own
 * bot (nothing shared in memory); they share the answer store and the deliveries the store keeps (a
 * {@link MemoryDeliveries} stands in for the store's shared one). A third replica with deliveries of its own shows
 * what the sharing buys.
 */
class TeamsReplicasTest {

  @TempDir static Path data;
  private static AnswerStore store;
  private static RecordWriter records;
  private static AnswerService first;
  private static FakeConnector connector;
  private static Server jetty;
  private static URI base;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    store = AnswerStore.sqlite(data, "test-salt");
    records = new RecordWriter(store, 1_000);
    MemoryDeliveries shared = new MemoryDeliveries(1000, Clock.systemUTC());
    first = replica().withDeliveries(shared);
    connector = new FakeConnector();
    ServletContextHandler context = new ServletContextHandler();
    TeamsSettings emulator = new TeamsSettings(null, null, null);
    context.addServlet(new ServletHolder(TeamsChannel.servlet(emulator, first)), "/first/api/messages");
    context.addServlet(new ServletHolder(TeamsChannel.servlet(emulator, replica().withDeliveries(shared))),
        "/second/api/messages");
    context.addServlet(new ServletHolder(TeamsChannel.servlet(emulator, replica())), "/alone/api/messages");
    TeamsFixtures.Loopback served = TeamsFixtures.serve(context);
    jetty = served.server();
    base = served.base();
  }

  /** Asks the first replica a question in a Teams message: the reply it sent to the connector. */
  private FakeConnector.Call askFirstReplica(String question) throws Exception {
    connector.clear();
    assertEquals(202, post("first", TeamsFixtures.message(question, connector.serviceUrl())).statusCode());
    return connector.awaitCall(1);
  }

  private static AnswerService replica() throws Exception {
    return new AnswerService(LiveIndex.of(Fixtures.bundled()), records, new ScopeMetrics(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.stop();
    connector.close();
    records.close();
    store.close();
  }

  private HttpResponse<String> post(String replica, ObjectNode activity) throws Exception {
    return client.send(HttpRequest.newBuilder(base.resolve(replica + "/api/messages"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(activity.toString()))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Teams' own 👍 pressed on a message, as Teams sends it (the published shape). */
  private static ObjectNode thumbsUpOn(String messageId) throws Exception {
    ObjectNode invoke = TeamsFixtures.message(null, connector.serviceUrl());
    invoke.remove("text");
    invoke.put("type", "invoke").put("name", "message/submitAction").put("replyToId", messageId);
    invoke.set("value", JSON.readTree(TeamsFixtures.raw("teams_invoke_message_submitAction_value_current_docs.json")));
    return invoke;
  }

  @Test
  void feedbackReachingAnotherReplicaFindsItsAnswer() throws Exception {
    FakeConnector.Call reply = askFirstReplica("Is AD FS covered for multiple forests?");
    String answerId = reply.body().at("/attachments/0/content/actions/0/data/answerId").asText();

    HttpResponse<String> r = post("second", thumbsUpOn(reply.returnedId()));
    assertEquals(200, r.statusCode());
    assertEquals("", r.body(), "Teams wants an empty body");

    List<Feedback> feedback = first.record(answerId).orElseThrow().feedback();
    assertEquals(1, feedback.size(), feedback.toString());
    assertTrue(feedback.get(0).helpful());
    assertEquals("This is my feedback.", feedback.get(0).reason());
  }

  @Test
  void aReplicaWithDeliveriesOfItsOwnCannotMatchTheMessage() throws Exception {
    FakeConnector.Call reply = askFirstReplica("Who is responsible for SSL certificates?");
    String answerId = reply.body().at("/attachments/0/content/actions/0/data/answerId").asText();

    assertEquals(200, post("alone", thumbsUpOn(reply.returnedId())).statusCode());
    assertEquals(List.of(), first.record(answerId).orElseThrow().feedback());
  }
}
