package com.scopebot.corpus;

import java.util.Objects;
import java.util.Set;

/**
 * A limit a statement puts on what it grants, read at ingestion; answers infer from it ("up to two" answers a request
 * for three).
 *
 * @param kind what sort of limit
 * @param phrase the words that state it, as written ("up to two test devices", "Exchange 2013/2010")
 * @param subject for counts the thing counted, for versions the product, as a lower-case word; for deployments
 *     {@code cloud} or {@code on-premises}; else empty
 * @param max for counts the most granted; for minimum counts the least required; for minimum versions the least
 *     version; else 0
 * @param values for versions the versions named ("2013", "2010"); else empty
 * @param item the one item of a list the limit qualifies ("hybrid self-service site creation (SharePoint Server 2013
 *     only), extended app launcher, …"), or empty when it limits the whole statement
 */
public record Limit(Kind kind, String phrase, String subject, double max, Set<String> values, String item) {

  /** The kinds of limit the documents state. */
  public enum Kind {
    /** "up to two test devices", "one custom template", "configuring one server". */
    COUNT,
    /** "at least 150 licenses", "a minimum of 20 seats", "150+ users": the least the benefit requires. */
    MIN_COUNT,
    /** "Exchange 2013/2010", "Windows 10 devices": the versions named, and only those. */
    VERSIONS,
    /** "Windows Server 2008 or above". */
    MIN_VERSION,
    /** "supports Cassandra versions till 5.0", "Exchange 2016 or earlier": the latest version covered. */
    MAX_VERSION,
    /** "a one time activity", "once for each eligible service". */
    ONE_TIME,
    /** "provided remotely", "remote assistance". */
    REMOTE,
    /** "for cloud deployments", "cloud only", "on-premises only": the deployments it is for, and only those. */
    DEPLOYMENT,
    /** "during normal business hours". */
    BUSINESS_HOURS,
    /** "aren't meant for production", "for development and testing only": not for production use. */
    NOT_PRODUCTION,
    /** "available in Traditional Chinese, English, French, ...": a closed list of named things, and only those. */
    NAMED_LIST,
    /** "a Team Viewer subscription is required": something the customer must have for it. */
    PREREQUISITE,
    /** "supported if there are forest trusts", "only when ...": a condition the grant depends on. */
    CONDITION,
    /** "not available in GCC High or DoD plans": the named environments it is not for. */
    UNAVAILABLE_IN,
    /** "limited to outbound provisioning only": one direction, its values the opposite ones ("inbound"). */
    DIRECTION,
    /** "on Windows 10/11, macOS, iOS, and Android clients": the device platforms it is for, and only those. */
    PLATFORMS,
    /** "… integrations from the Azure Active Directory Marketplace": the one listing what it grants comes from. */
    SOURCE,
    /**
     * "Password hash sync and password writeback support multiple forests. However, other writeback scenarios aren't
     * supported.": the kinds of a thing its passage names (values: "password") are the only ones; subject "writeback".
     */
    OTHERS_EXCLUDED
  }

  public Limit {
    Objects.requireNonNull(kind, "kind");
    phrase = balanced(Objects.requireNonNullElse(phrase, ""));
    subject = Objects.requireNonNullElse(subject, "");
    values = Set.copyOf(values);
    item = Objects.requireNonNullElse(item, "");
  }

  /** A limit of the whole statement. */
  public Limit(Kind kind, String phrase, String subject, double max, Set<String> values) {
    this(kind, phrase, subject, max, values, "");
  }

  /** The same limit, qualifying one item of a list only. */
  Limit scopedTo(String listItem) {
    return new Limit(kind, phrase, subject, max, values, listItem);
  }

  /**
   * The phrase without a bracket its match cut from its pair ("AD FS) 2.0 or later" of "(AD FS) 2.0 or later"), so
   * that it reads whole inside a sentence.
   */
  static String balanced(String phrase) {
    int open = 0;
    StringBuilder out = new StringBuilder(phrase.length());
    for (char c : phrase.toCharArray()) {
      if (c == ')' && open == 0) {
        continue;
      }
      open += c == '(' ? 1 : c == ')' ? -1 : 0;
      out.append(c);
    }
    String s = out.toString();
    while (open-- > 0) {
      int at = s.lastIndexOf('(');
      s = s.substring(0, at) + s.substring(at + 1);
    }
    return s.strip().replaceAll("\\s{2,}", " ");
  }

  static Limit of(Kind kind, String phrase) {
    return new Limit(kind, phrase, "", 0, Set.of());
  }
}
