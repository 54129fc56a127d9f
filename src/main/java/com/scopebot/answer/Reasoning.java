package com.scopebot.answer;

import com.scopebot.answer.Ranking.Ranked;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.Holder;
import com.scopebot.corpus.Limit;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.Statement;
import com.scopebot.corpus.StatementKind;
import com.scopebot.corpus.Statements;
import com.scopebot.index.PassageIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides, from ranked statements, which to cite and the verdict: read off the best statement's classification (its
 * polarity, its holder, and its limits when the question asks for more than they grant), and which side a statement
 * supports in a dispute. Thread-safe once built.
 */
final class Reasoning {

  /** The best statement must hold at least this share of the asking clauses' weight to be evidence. */
  static final double MIN_COVERAGE = 0.5;
  /** Citations after the first must score within this distance of the best. */
  static final double CITE_MARGIN = 0.3;
  static final int MAX_CITATIONS = 5;
  /** A one-time activity answers a request to do it again when it holds this share of the question. */
  static final double ONE_TIME_COVERAGE = 0.3;
  /** The best-ranked statements among which one must answer the question. */
  static final int CANDIDATES_ANSWERING = 10;

  private final PassageIndex index;
  /** Which cited statement of another document says otherwise than the best one. */
  private final Disagreement disagreement;
  /** The words and numbers of each statement, read once. */
  private final Traits traits;
  /** The side a who-question gets. */
  private final WhoAnswers who;

  Reasoning(PassageIndex index, Traits traits) {
    this.index = index;
    this.traits = traits;
    this.disagreement = new Disagreement(traits);
    this.who = new WhoAnswers(index);
  }

  /**
   * What reasoning concluded from the ranked statements.
   *
   * @param cited the statements to cite, the one the verdict is read off first
   * @param beyond the limit the question asks beyond, as the answer says it, or null
   * @param other a cited statement of another document that disagrees with the first, or null
   * @param verdict the verdict; {@link Verdict#UNKNOWN} when the first grounds none or is a requirement not settled
   * @param bestInForce whether the first statement's revision is in force on the date asked
   */
  record Outcome(List<Ranked> cited, String beyond, Ranked other, Verdict verdict, boolean bestInForce) {
    Outcome {
      cited = List.copyOf(cited);
    }

    Ranked best() {
      return cited.get(0);
    }

    boolean differ() {
      return other != null;
    }
  }

  /**
   * Which statements to cite, in what order, and the verdict; ranked must hold one that answers the question.
   *
   * @param inForce which revisions are in force on the date asked: only two of those can disagree
   */
  Outcome decide(Question q, List<Ranked> ranked, Predicate<Document> inForce) {
    // only statements that answer the question may be its best evidence
    List<Ranked> answering = ranked.stream().limit(CANDIDATES_ANSWERING)
        .filter(r -> r.coverage() >= MIN_COVERAGE).toList();
    List<Ranked> cited = cite(answering);
    Optional<String> beyond = Optional.empty();
    if (q.intent() != Intent.WHO && q.intent() != Intent.INFO) {
      // a limit anywhere in the evidence restricts the answer: the statement that states it, and holds most of the
      // question, is cited first
      Ranked limiting = null;
      // a version another answering statement grants by name is not beyond this one's list: that list limits its own
      // work ("… SharePoint 2013/2010 on-premises protection" against "… SharePoint Server 2013 or SharePoint Server 2016")
      Question.Request request = Inference.lessVersionsGranted(answering.stream().map(Ranked::statement).toList(),
          q.request());
      for (Ranked r : restricting(answering, ranked, q.request())) {
        Optional<String> limit = Inference.beyond(r.statement(), Inference.lessGranted(sameList(ranked, r), request));
        if (limit.isPresent() && (limiting == null || r.coverage() > limiting.coverage())) {
          limiting = r;
          beyond = limit;
        }
      }
      if (limiting != null) {
        cited = CitationOrder.first(limiting, cited);
        Optional<Ranked> exempt = limiting.statement().limits(Limit.Kind.MIN_COUNT).isEmpty() ? Optional.empty()
            : ranked.stream().filter(r -> spares(q, r.statement())).findFirst();
        if (exempt.isPresent()) {
          // the least count the question is below spares its case ("no minimum licensing requirement for ISVs")
          return new Outcome(CitationOrder.first(exempt.get(), cited), "the documents set no minimum for your case (\u201c"
              + exempt.get().statement().text() + "\u201d).", null, Verdict.IN_SCOPE,
              inForce.test(exempt.get().passage().document()));
        }
      }
    }
    if (!beyond.isPresent() && q.intent() != Intent.WHO && q.intent() != Intent.INFO) {
      cited = CitationOrder.exclusionFirst(cited, q);
    }
    if (!beyond.isPresent() && q.intent() != Intent.INFO) {
      cited = CitationOrder.groundingFirst(cited);
    }
    Ranked best = cited.get(0);
    StatementKind kind = best.statement().kind();
    if (!beyond.isPresent() && (q.intent() != Intent.INFO && !kind.grounds()
        || kind == StatementKind.REQUIREMENT && (q.intent() == Intent.COVERED || q.intent() == Intent.CLAIM)
        && !Inference.meetsVersion(best.statement(), q.request()))) {
      // a description or a link says what a thing is, not whether FastTrack does it or whose it is; a requirement grants
      // nothing: the case is covered if it is met, which the question doesn't settle (one it breaks is answered above)
      return new Outcome(cited, null, null, Verdict.UNKNOWN, inForce.test(best.passage().document()));
    }
    if (q.intent() == Intent.INFO && q.answerType() == QuestionIntent.AnswerType.DURATION) {
      cited = timeFirst(q, ranked, cited);
      best = cited.get(0);
    }
    if (q.intent() == Intent.INFO && !traits.givesWhatIsAsked(q, best.entry())) {
      // "how many sandboxes come with it?" is not answered by a sentence about sandboxes that gives no number
      return new Outcome(cited, null, null, Verdict.UNKNOWN, inForce.test(best.passage().document()));
    }
    Ranked other = disagreement.of(cited, inForce);
    Verdict verdict = beyond.isPresent() ? Verdict.OUT_OF_SCOPE : verdict(q, best.statement(), cited);
    return new Outcome(cited, beyond.orElse(null), other, verdict, inForce.test(best.passage().document()));
  }

  /**
   * True when the statement spares from a least count the case the question states: there is no minimum for a group,
   * and the question names most of the group's terms ("a small commercial ISV shipping a Win10 app").
   */
  private boolean spares(Question q, Statement s) {
    String group = Inference.exempted(s);
    List<String> terms = group.isEmpty() ? List.of() : index.terms(group);
    return Inference.most((int) terms.stream().filter(q.topic()::containsKey).count(), terms.size());
  }

  /** The side one statement supports taken alone, and what in it makes it support that side. */
  record Support(Verdict side, String why) {}

  /**
   * The side a statement supports on its own, whatever else is cited: what a dispute lays out. (Disagreement between
   * cited statements reads {@link #stance} instead, which counts a statement that names no side as neither.)
   */
  static Support supports(Statement s, Question.Request request) {
    Optional<String> beyond = Inference.beyond(s, request);
    if (beyond.isPresent()) {
      return new Support(Verdict.OUT_OF_SCOPE, beyond.get());
    }
    if (s.polarity().excludes()) {
      return new Support(Verdict.OUT_OF_SCOPE,
          "says " + s.polarity().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    if (s.holder() == Holder.CUSTOMER) {
      return new Support(Verdict.CUSTOMER,
          s.subjectHolder() ? "names the customer" : "is under the customer's responsibilities");
    }
    return new Support(Verdict.IN_SCOPE, s.guidance() ? "FastTrack guides it"
        : s.holder() == Holder.MICROSOFT ? "FastTrack does it" : "the benefit includes it");
  }

  /**
   * For "how long does an engagement last?": the citations with a statement that gives a length of time first when the
   * best gives none — one about as close, or another sentence of the best one's paragraph ("… provides workshops for
   * the project team. The engagement time is generally 9 to 18 months.").
   */
  private List<Ranked> timeFirst(Question q, List<Ranked> ranked, List<Ranked> cited) {
    Ranked best = cited.get(0);
    if (traits.givesWhatIsAsked(q, best.entry())) {
      return cited;
    }
    double floor = best.score() - CITE_MARGIN;
    return ranked.stream()
        .filter(r -> (r.passage() == best.passage() || r.coverage() >= MIN_COVERAGE && r.score() >= floor)
            && traits.givesWhatIsAsked(q, r.entry()))
        .findFirst().map(r -> CitationOrder.first(r, cited)).orElse(cited);
  }

  /** The statements of the list the statement is an item of: same document, section and lead-in. */
  private static List<Statement> sameList(List<Ranked> ranked, Ranked one) {
    Passage p = one.passage();
    return ranked.stream().filter(r -> r.passage().document() == p.document()
        && r.passage().section().equals(p.section()) && r.passage().context().equals(p.context()))
        .map(Ranked::statement).toList();
  }

  /**
   * The statements whose limits may restrict the answer: those close enough to the best to be cited, and any answering
   * statement that says how the whole benefit is delivered (remotely, in business hours) when the question asks for
   * another way: such a limit holds for every task, whatever the task's words.
   */
  private static List<Ranked> restricting(List<Ranked> answering, List<Ranked> ranked, Question.Request request) {
    List<Ranked> out = new ArrayList<>(citable(answering));
    // a limit in another sentence of a passage cited ("…. However, other writeback scenarios aren't supported.")
    Set<Passage> passages = new HashSet<>();
    out.forEach(r -> passages.add(r.passage()));
    answering.stream().filter(r -> passages.contains(r.passage()) && !out.contains(r)).forEach(out::add);
    if (request.onSite() || request.offHours()) {
      for (Ranked r : ranked) {
        boolean delivery = r.statement().limits().stream()
            .anyMatch(l -> l.kind() == Limit.Kind.REMOTE || l.kind() == Limit.Kind.BUSINESS_HOURS);
        if (delivery && r.coverage() >= MIN_COVERAGE && !out.contains(r)) {
          out.add(r);
        }
      }
    }
    if (request.repeat()) {
      // "can FastTrack run the onboarding again?": a one-time activity answers it, holding a good part of the question
      ranked.stream().limit(CANDIDATES_ANSWERING).filter(r -> !r.statement().limits(Limit.Kind.ONE_TIME).isEmpty())
          .filter(r -> r.coverage() >= ONE_TIME_COVERAGE && !out.contains(r)).forEach(out::add);
    }
    return out;
  }

  /** Every passage close enough to the best to be cited, by its best statement. */
  private static List<Ranked> citable(List<Ranked> ranked) {
    Ranked best = ranked.get(0);
    return Ranking.distinct(ranked).stream()
        .filter(r -> r == best || r.coverage() >= MIN_COVERAGE && r.score() >= best.score() - CITE_MARGIN).toList();
  }

  /** The best statement's passage, then others close to it; the same words are cited once. */
  private List<Ranked> cite(List<Ranked> ranked) {
    Ranked best = ranked.get(0);
    List<Ranked> cited = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Ranked r : Ranking.distinct(ranked)) {
      if (cited.size() == MAX_CITATIONS) {
        break;
      }
      if (r != best && (r.coverage() < MIN_COVERAGE || r.score() < best.score() - CITE_MARGIN)) {
        continue;
      }
      if (seen.add(traits.words(r.entry()))) {
        cited.add(r);
      }
    }
    return cited;
  }

  /** True when the question asks about what a statement requires of the customer ("are the E5 licences included?"). */
  private boolean asksAboutPrerequisite(Question q, Statement s) {
    for (Limit l : s.limits(Limit.Kind.PREREQUISITE)) {
      if (!l.subject().isEmpty() && index.terms(l.subject()).stream().anyMatch(q.topic()::containsKey)) {
        return true;
      }
    }
    return false;
  }

  private Verdict verdict(Question q, Statement s, List<Ranked> cited) {
    if (q.intent() != Intent.INFO && asksAboutPrerequisite(q, s)) {
      return Verdict.CUSTOMER; // FastTrack does the work; what it requires is the customer's to bring
    }
    if (s.polarity().excludes() && q.intent() != Intent.INFO) {
      // "who handles X?" when FastTrack excludes X: not FastTrack, so the customer
      return q.intent() == Intent.WHO ? Verdict.CUSTOMER : Verdict.OUT_OF_SCOPE;
    }
    if (s.kind() == StatementKind.REQUIREMENT && q.intent() == Intent.WHO) {
      return Verdict.CUSTOMER; // what the customer's environment must have before the work is the customer's to bring
    }
    switch (q.intent()) {
      case WHO -> {
        return who.verdict(q, s, cited);
      }
      case INFO -> {
        return Verdict.INFO;
      }
      default -> {
        if (s.holder() != Holder.CUSTOMER) {
          return Verdict.IN_SCOPE;
        }
        // the customer's duty: "is the deck covered?" or a claim that FastTrack builds it is a no; "is it ours?" whose
        return q.intent() == Intent.CLAIM || q.intent() == Intent.COVERED && !SideWords.asksAboutOurSide(q)
            ? Verdict.OUT_OF_SCOPE : Verdict.CUSTOMER;
      }
    }
  }

}
