package com.scopebot.channel.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ExecutorFactory;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An invoke's turn and the SDK's own threads. */
class TeamsInvokeTurnTest {

  /**
   * The SDK closes a turn, iterating its state (a HashMap), on the request thread as soon as the pipeline is set up;
   * it recorded an invoke's response in that state on its executor, and now and then the two overlapped
   * (ConcurrentModificationException: a 500 for Teams). With every worker of that executor busy, an invoke is still
   * answered: its response is recorded on the turn's own thread, before the turn is closed.
   */
  @Test
  void anInvokeIsAnsweredOnTheTurnsOwnThread() throws Exception {
    TeamsAdapter adapter = new TeamsAdapter(new TeamsSettings(null, null, null), null);
    ActivityHandler bot = new ActivityHandler() {
      @Override
      protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        return CompletableFuture.completedFuture(new InvokeResponse(200, null));
      }
    };
    ObjectNode json = TeamsFixtures.message(null, "http://127.0.0.1:9/");
    json.remove("text");
    json.put("type", "invoke").put("name", "message/submitAction").put("replyToId", "1700000000000");
    Activity invoke = new ActivityJson(new JacksonAdapter()).read(json.toString());

    ForkJoinPool sdkExecutor = (ForkJoinPool) ExecutorFactory.getExecutor();
    int workers = sdkExecutor.getParallelism();
    CountDownLatch allBusy = new CountDownLatch(workers);
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < workers; i++) {
      sdkExecutor.execute(() -> {
        allBusy.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    try {
      assertTrue(allBusy.await(10, TimeUnit.SECONDS), "the SDK's executor did not start its workers");
      InvokeResponse response = adapter.processIncomingActivity(null, invoke, bot).get(5, TimeUnit.SECONDS);
      assertEquals(200, response.getStatus());
    } finally {
      release.countDown();
    }
  }
}
