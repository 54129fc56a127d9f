package com.scopebot.server;

import com.scopebot.channel.web.JsonHttp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Stands in for a channel endpoint whose credentials are not configured: 503 with what to set. */
final class DisabledServlet extends HttpServlet {

  private final String message;

  DisabledServlet(String message) {
    this.message = message;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    JsonHttp.error(resp, 503, message);
  }
}
