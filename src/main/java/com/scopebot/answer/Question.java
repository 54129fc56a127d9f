package com.scopebot.answer;

import com.scopebot.corpus.Condition;
import com.scopebot.corpus.Limit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A question read for answering: what it asks, and what it is about.
 *
 * @param asked the text as asked
 * @param corrected the cleaned text with typos corrected
 * @param intent what kind of answer it wants
 * @param ask the clauses that ask ("is that covered?"), as text; the rest is context
 * @param topic index terms of what the question is about, each with how much it counts (BM25 searches them all)
 * @param groups the asking clauses' terms, one group a clause (with the clause it points back to): a statement
 *     answers the question when it holds most of one group
 * @param context terms of the clauses that only give context; they help ranking, never hurt answerability
 * @param absent names the synonym map knows as products or services but the corpus never mentions ("Sentinel")
 * @param synonyms "ADFS → adfs" for each name the synonym map recognised
 * @param conditions conditions it names, such as a forest topology
 * @param corrections "coverd → covered" for each word corrected
 * @param answerType a number or a time, when the question asks for one ("how many", "how long", "when")
 * @param request what the question asks for that limits can answer: counts, versions, repeats, on site, out of hours
 * @param reading how much of it was read (a long question is read in part, see {@link Reading})
 * @param action the index term of the action a who-question asks the doer of ("who grants the access?" → grant), or
 *     empty
 */
public record Question(
    String asked,
    String corrected,
    Intent intent,
    List<String> ask,
    Map<String, Double> topic,
    List<Group> groups,
    Set<String> context,
    List<String> absent,
    List<String> synonyms,
    Set<Condition> conditions,
    List<String> corrections,
    QuestionIntent.AnswerType answerType,
    Request request,
    Reading reading,
    String action) {

  public Question {
    ask = List.copyOf(ask);
    // in the question's order, so that the same question is searched and weighed the same way in every run
    topic = Collections.unmodifiableMap(new LinkedHashMap<>(topic));
    groups = List.copyOf(groups);
    context = Collections.unmodifiableSet(new LinkedHashSet<>(context));
    absent = List.copyOf(absent);
    synonyms = List.copyOf(synonyms);
    conditions = Condition.ordered(conditions);
    corrections = List.copyOf(corrections);
    Objects.requireNonNull(reading, "reading");
    action = action == null ? "" : action;
  }

  /**
   * One asking clause's terms.
   *
   * @param text the clause
   * @param terms its terms and how much each counts
   * @param unknown its terms the corpus does not hold
   * @param foreign those of them that are not everyday English either
   */
  public record Group(String text, Map<String, Double> terms, List<String> unknown, List<String> foreign) {
    public Group {
      terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
      unknown = List.copyOf(unknown);
      foreign = List.copyOf(foreign);
    }
  }

  /** Every unknown term of the asking clauses. */
  public List<String> unknown() {
    return groups.stream().flatMap(g -> g.unknown().stream()).distinct().toList();
  }

  /** The topic's terms. */
  public Set<String> terms() {
    return topic.keySet();
  }

  /**
   * What a question asks for that a statement's limits can answer by inference.
   *
   * @param counts numbers the question asks for, each with the words after it ("three connector servers")
   * @param versions versions it names, by product ("exchange" → "2007")
   * @param repeat it asks for something again ("again", "a second time")
   * @param onSite it asks for someone on site
   * @param offHours it asks for work outside business hours
   * @param without it asks about a case lacking something ("without forest trusts")
   * @param names names it asks about that the documents never use ("Korean")
   * @param deployment where the customer runs it, when the question says: {@code on-premises} ("we run F&O on-prem")
   *     or {@code cloud}; else empty
   * @param from a product the customer moves off that the documents never name ("We use Okta today. Will FastTrack
   *     move us to Entra ID?"), or empty
   * @param said the question's words, lower case, single spaced: what a restriction to named environments is read
   *     against ("We're a GCC High tenant")
   */
  public record Request(List<Count> counts, Map<String, String> versions, boolean repeat, boolean onSite,
      boolean offHours, String without, List<String> names, String from, String deployment, String said) {

    public Request {
      counts = List.copyOf(counts);
      versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
      without = without == null ? "" : without;
      names = List.copyOf(names);
      from = from == null ? "" : from;
      deployment = deployment == null ? "" : deployment;
      said = said == null ? "" : said;
    }

    /** True when the question names this environment, as a whole word or words. */
    public boolean says(String words) {
      int at = said.indexOf(words);
      while (at >= 0) {
        int end = at + words.length();
        if ((at == 0 || !Character.isLetterOrDigit(said.charAt(at - 1)))
            && (end == said.length() || !Character.isLetterOrDigit(said.charAt(end)))) {
          return true;
        }
        at = said.indexOf(words, at + 1);
      }
      return false;
    }

    /** The same request asking about these names too. */
    public Request withNames(List<String> more) {
      return new Request(counts, versions, repeat, onSite, offHours, without, more, from, deployment, said);
    }

    /** True when it asks what a delivery limit answers: on site, again, out of hours. */
    public boolean asksDelivery() {
      return onSite || repeat || offHours;
    }

    /** True when it asks what a delivery limit of this kind answers ("on site" for provided remotely). */
    public boolean asks(Limit.Kind kind) {
      return switch (kind) {
        case REMOTE -> onSite;
        case ONE_TIME -> repeat;
        case BUSINESS_HOURS -> offHours;
        default -> false;
      };
    }

    /** The same request, moving off a product the documents never name ("Okta"). */
    public Request movingFrom(String product) {
      return new Request(counts, versions, repeat, onSite, offHours, without, names, product, deployment, said);
    }

    /**
     * An amount asked for and the words that follow it.
     *
     * @param n the amount; infinite for "every …", "all of our …"
     * @param following the words after the amount: what is counted, and perhaps more
     * @param written the amount as the question wrote it ("5", "every", "all of our")
     */
    public record Count(double n, String following, String written) {}
  }
}
