package com.scopebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * Bodies waiting on clients that do not read are held within a budget: past it a response is refused with 503, and
 * the budget is given back when those clients go.
 */
class BufferedResponsesTest {

  private static final int BODY = 1024 * 1024;

  @Test
  void bodiesWaitingOnClientsStayWithinTheBudget() throws Exception {
    BufferedResponses filter = new BufferedResponses(BODY + BODY / 2);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setAcceptedSendBufferSize(8 * 1024);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    FilterHolder holder = new FilterHolder(filter);
    holder.setAsyncSupported(true);
    context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
    ServletHolder big = new ServletHolder(new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getOutputStream().write(new byte[BODY]);
      }
    });
    big.setAsyncSupported(true);
    context.addServlet(big, "/big");
    server.setHandler(context);
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
      try (Socket first = neverReads(base); Socket second = neverReads(base)) {
        Thread.sleep(500);
        assertTrue(filter.pending() > 0 && filter.pending() <= BODY, "pending " + filter.pending());
        // the second's body would pass the budget: a short 503 instead, read in full
        second.setSoTimeout(2000);
        RawHttp.Reply r = RawHttp.read(second, System.nanoTime());
        assertEquals(503, r.status(), r.text());
        assertTrue(r.body().contains("busy"), r.text());
      }
      // both clients gone: the writes fail and the budget is given back
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (filter.pending() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(0, filter.pending(), "bytes still counted after the clients went");
    } finally {
      server.stop();
    }
  }

  private static Socket neverReads(URI base) throws IOException, InterruptedException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2000);
    s.getOutputStream().write("GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
    Thread.sleep(200); // in order: the first takes the budget
    return s;
  }
}
