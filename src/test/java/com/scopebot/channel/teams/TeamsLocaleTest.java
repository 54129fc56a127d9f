package com.scopebot.channel.teams;

import static com.scopebot.channel.teams.TeamsFixtures.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.scopebot.answer.Engine;
import com.scopebot.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An activity's locale is the turn's, never the server's: the SDK's {@code runPipeline} (4.14.3) passed it to
 * {@code Locale.setDefault}, so anyone who could post an activity set the default locale of every channel and thread.
 */
class TeamsLocaleTest {

  @TempDir Path data;
  private Locale before;

  @BeforeEach
  void pinDefault() {
    before = Locale.getDefault();
    Locale.setDefault(Locale.US);
  }

  @AfterEach
  void restoreDefault() {
    Locale.setDefault(before); // whatever happened, the other tests of this JVM keep theirs
  }

  @ParameterizedTest
  @ValueSource(strings = {"tr-TR", "de-DE"})
  void theActivitysLocaleIsTheTurnsAndLeavesTheDefaultAlone(String tag) throws Exception {
    TeamsAdapter adapter = new TeamsAdapter(new TeamsSettings(null, null, null), null);
    AtomicReference<String> turnLocale = new AtomicReference<>();
    AtomicReference<Locale> defaultDuringTurn = new AtomicReference<>();
    ActivityHandler bot = new ActivityHandler() {
      @Override
      protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        turnLocale.set(turn.getLocale());
        defaultDuringTurn.set(Locale.getDefault());
        return CompletableFuture.completedFuture(null);
      }
    };
    ObjectNode json = TeamsFixtures.message("hello", "http://127.0.0.1:9/");
    json.put("locale", tag);
    Activity message = new ActivityJson(new JacksonAdapter()).read(json.toString());

    adapter.processIncomingActivity(null, message, bot).get(5, TimeUnit.SECONDS);

    assertEquals(tag, turnLocale.get(), "the turn has the activity's locale");
    assertEquals(Locale.US, defaultDuringTurn.get(), "the default locale, during the turn");
    assertEquals(Locale.US, Locale.getDefault(), "the default locale, after the turn");
  }

  @Test
  void aTurkishMessageOverHttpLeavesTheServersDefaultAlone() throws Exception {
    assertEquals("👤 Customer's responsibility", askOverHttp("tr-TR"));
    assertEquals(Locale.US, Locale.getDefault());
  }

  @Test
  void aLocaleThatIsNoLanguageTagIsIgnoredAndTheQuestionAnswered() throws Exception {
    assertEquals("👤 Customer's responsibility", askOverHttp("en_US!!x"));
  }

  /** The first line of the card that answers a question posted with the locale. */
  private String askOverHttp(String locale) throws Exception {
    try (TestServer server = TestServer.start(data, Engine.DEFAULT_CORPUS)) {
      ObjectNode ask = TeamsFixtures.message("Who is responsible for SSL certificates?", "http://127.0.0.1:9/");
      ask.put("deliveryMode", "expectReplies").put("locale", locale);
      HttpResponse<String> r = server.postJson("/api/messages", ask.toString());
      assertEquals(200, r.statusCode(), r.body());
      JsonNode card = JSON.readTree(r.body()).at("/activities/0/attachments/0/content");
      return card.at("/body/0/text").asText();
    }
  }
}
