package com.scopebot.channel.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who an anonymous caller is, as far as the server can tell: the address that connected, or, when that is a proxy on
 * this machine or the private network (a load balancer, an ingress), the last address the proxy put in
 * {@code X-Forwarded-For}. A client on the internet cannot pass for another by sending the header itself: its own
 * address is public, so the header is not read.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(HttpServletRequest req) {
    String peer = req.getRemoteAddr();
    String forwarded = req.getHeader("X-Forwarded-For");
    if (forwarded == null || !isProxy(peer)) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    String last = hops[hops.length - 1].strip();
    // an address, never free text: it becomes a hashed user id
    return last.matches("[0-9A-Fa-f:.]{2,45}") ? last : peer;
  }

  private static boolean isProxy(String address) {
    try {
      InetAddress a = InetAddress.getByName(address);
      return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
