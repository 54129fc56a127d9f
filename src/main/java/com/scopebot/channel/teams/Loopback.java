package com.scopebot.channel.teams;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether an address or a URL points at this machine, decided from the text alone: no name is ever resolved, so
 * checking an address someone put in an activity never makes a connection or a DNS query.
 */
final class Loopback {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Loopback() {}

  /** True for {@code localhost}, 127.0.0.0/8, {@code ::1} (and IPv4-mapped loopback); false for any other name. */
  static boolean isLoopbackHost(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost")) {
      return true;
    }
    // only literals are parsed: InetAddress.getByName does not look these up
    if (!IPV4.matcher(h).matches() && !(h.contains(":") && h.matches("[0-9a-f:.]+"))) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** True for an http(s) URL whose host is a loopback host (see {@link #isLoopbackHost}) and that has no user info. */
  static boolean isLoopbackUrl(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getRawUserInfo() == null
          && isLoopbackHost(uri.getHost());
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
