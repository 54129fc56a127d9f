package com.scopebot.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty itself answers (requests it cannot parse, an HTTP version it does not speak, failures) as
 * {@code {"error": ...}} naming the status: never an HTML stack trace. A browser asking for a page that is not there
 * gets the web pages' own "Page not found" instead (web/not-found.html), with the same security headers.
 */
final class JsonErrorHandler extends ErrorHandler {

  /** Read once: it is a few hundred bytes and never changes while the server runs. */
  private static final byte[] NOT_FOUND_PAGE = notFoundPage();

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 500;
    if (status == HttpStatus.UPGRADE_REQUIRED_426) {
      // Jetty answers an "HTTP/2.0" request line with 426, as if upgrading could help; this server speaks no HTTP/2
      // (no h2c), so the honest answer is the one it gives HTTP/3.0 and HTTP/1.2: version not supported
      status = HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505;
      response.setStatus(status);
    }
    RequestFilter.SECURITY_HEADERS.forEach(response.getHeaders()::put);
    if (status == HttpStatus.NOT_FOUND_404 && wantsHtml(request)) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
      response.write(true, ByteBuffer.wrap(NOT_FOUND_PAGE), callback);
      return true;
    }
    // the status's own reason ("HTTP Version Not Supported"), never the request's text; a failure of ours says no more
    String message = status == 500 ? "internal error; it has been logged"
        : HttpStatus.getMessage(status) + " (status " + status + ")";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(JsonNodeFactory.instance.objectNode().put("error", message).toString()
        .getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  /**
   * True when the client ranks HTML above JSON, as a browser following a link does (text/html first, anything else at a
   * lower quality); API clients send application/json, a wildcard or nothing, and keep getting JSON.
   */
  static boolean wantsHtml(Request request) {
    for (String type : request.getHeaders().getQualityCSV(HttpHeader.ACCEPT)) { // best first, q=0 left out
      if (type.equalsIgnoreCase("text/html")) {
        return true;
      }
      if (type.equalsIgnoreCase("application/json")) {
        return false;
      }
    }
    return false;
  }

  private static byte[] notFoundPage() {
    try (InputStream in = JsonErrorHandler.class.getClassLoader().getResourceAsStream("web/not-found.html")) {
      if (in == null) {
        throw new IllegalStateException("web/not-found.html is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read web/not-found.html", e);
    }
  }
}
