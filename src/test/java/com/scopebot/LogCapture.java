package com.scopebot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the server logs (slf4j-simple writes to standard error) while a piece of a test runs. */
public final class LogCapture {

  /** A step of a test that may throw and gives back what it got. */
  @FunctionalInterface
  public interface Step<T> {
    T run() throws Exception;
  }

  /** What a step gave back, and what was logged meanwhile. */
  public record Logged<T>(T value, String log) {}

  private LogCapture() {}

  /** Runs a step with standard error captured, and restores it whatever happens. */
  public static <T> Logged<T> during(Step<T> step) throws Exception {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      T value = step.run();
      return new Logged<>(value, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }
}
