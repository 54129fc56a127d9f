package com.scopebot.service;

import com.scopebot.records.Origin;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link OriginSender} of each channel, chosen by the origin's kind: the channels register theirs as the server
 * wires them. A web origin needs no sender: its notices are stored with the record ({@link OriginSender.Delivery#STORED}).
 * Thread-safe.
 */
public final class Senders implements OriginSender {

  private final Map<String, OriginSender> byKind = new ConcurrentHashMap<>();

  public Senders() {
    byKind.put("web", (origin, notice) -> Delivery.STORED);
  }

  /** Sends the origins of a kind ({@code teams}, {@code slack}) through a channel's sender. */
  public Senders register(String kind, OriginSender sender) {
    byKind.put(kind, sender);
    return this;
  }

  @Override
  public String conversation(Origin origin) {
    OriginSender sender = byKind.get(origin.kind());
    return sender == null ? OriginSender.super.conversation(origin) : sender.conversation(origin);
  }

  @Override
  public Delivery send(Origin origin, Notice notice) {
    OriginSender sender = origin == null ? null : byKind.get(origin.kind());
    return sender == null ? Delivery.UNSUPPORTED : sender.send(origin, notice);
  }
}
