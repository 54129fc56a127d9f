package com.scopebot.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * {@code {"error": ...}} naming the status: never an HTML stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 500;
    if (status == HttpStatus.UPGRADE_REQUIRED_426) {
      // Jetty answers an "HTTP/2.0" request line with 426, as if upgrading could help; this server speaks no HTTP/2
      // (no h2c), so the honest answer is the one it gives HTTP/3.0 and HTTP/1.2: version not supported
      status = HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505;
      response.setStatus(status);
    }
    // the status's own reason ("HTTP Version Not Supported"), never the request's text; a failure of ours says no more
    String message = status == 500 ? "internal error; it has been logged"
        : HttpStatus.getMessage(status) + " (status " + status + ")";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    RequestFilter.SECURITY_HEADERS.forEach(response.getHeaders()::put);
    response.write(true, ByteBuffer.wrap(JsonNodeFactory.instance.objectNode().put("error", message).toString()
        .getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
