package com.scopebot.corpus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a passage into statements and classifies each one, once, at ingestion: who holds it (its own subject first),
 * what it says about scope, its conditions and its limits.
 *
 * <p>Stateless and thread-safe. The patterns read the documents' own wording, never the questions.
 */
public final class Statements {

  /** Any verb of the third person after a side's name: "The project team sends ...", "Microsoft switches on ...". */
  private static final String THIRD_PERSON_VERB =
      "(?!is\\b|was\\b|has\\b|does\\b|its\\b|this\\b|plus\\b)[a-z]{2,}[^s\\W]s(?=\\s+[a-z])";

  /** Verbs that open an instruction to the reader ({@code words/instruction-verbs.txt}). */
  private static final Pattern INSTRUCTION = Regex.compile(
      WordList.load("instruction-verbs").openingRegex() + "(?=\\s+[\\p{L}(])"); // "Complete: ..." is a label

  /** A sentence names its own side when it opens with it: "IT admins are responsible for ...", "You perform ...". */
  private static final Pattern CUSTOMER_SUBJECT = Regex.compile(
      "^(?:note:\\s*)?(?:the )?(?:you(?:'ll|'d|'ve|'re)?|(?:your |the )?(?:implementation |delivery )?partners?"
          + "|your (?:organization|organisation|company|admins?|administrators?"
          + "|it \\w+|\\w+ team)|(?:project|implementation|deployment) team"
          + "|customers?|it (?:admins?|administrators?|pros?|staff|teams?|departments?)"
          + "|(?:tenant |global |it )?admins?|(?:tenant |global |it )?administrators?|end users?)"
          + "(?: \\w+)?(?:,[^,]{1,60},)? (?:are|is|will|must|need|needs|should|shall|have|has|perform|provide|do|configure|set|install"
          + "|create|enroll|register|manage|remain|retain|own|" + THIRD_PERSON_VERB + ")\\b"
          // what they are given, not what they must do: "customers have access to Success by Design guidance"
          + "(?! (?:access|the (?:option|right|opportunity|ability)|entitled)\\b)");
  private static final Pattern CUSTOMER_RESPONSIBLE = Regex.compile(
      "\\b(?:you|customers?|the customer|it admins?|it administrators?|administrators?|admins?) (?:are|is|remain|remains) "
          + "(?:solely |fully )?responsible\\b|\\bthe customer's responsibility\\b|\\byour responsibility\\b"
          // asked of the customer in the passive: "requires a time investment from the project team"
          + "|\\b(?:requires?|needs?|expects?|asks?)\\b[^.]{0,60}\\bfrom (?:you|your \\w+|the customer|customers|the project team)\\b"
          // done by the customer in the passive: "Remediation items ... must be completed by you.", "… must be
          // investigated and mitigated by the customer."
          + "|\\b(?:is|are|be) (?:\\w+ly )?\\w+(?:ed|en)(?:,? (?:and|or) \\w+(?:ed|en))? by (?:you|your (?:organization|team|admins?|administrators?)"
          + "|the customer|customers)\\b");
  /** A phrase that sets the scene before a sentence's subject: "On a best-effort basis, ", "For most scenarios, ". */
  private static final Pattern OPENING_PHRASE = Regex.compile(
      "(?:on|in|for|with|at|as|after|before|during|by|under|from)\\s[^,;:]{2,60},\\s+");
  private static final Pattern MICROSOFT_SUBJECT = Regex.compile(
      "^(?:note:\\s*)?(?:the )?(?:fasttrack(?: center| specialists?| engineers?| team| managers?| manager)?|microsoft"
          // a Microsoft document's own people, or the ones it has just named: "our analysts …", "These specialists …"
          + "|(?:our|these|those) (?:[a-z-]+ )?(?:specialists|engineers|analysts|experts|architects|consultants"
          + "|advisors|advisers)"
          // "Microsoft 365 Apps for enterprise" names a product: a number is no word between the side and its verb
          + "(?: fasttrack)?|we)(?: (?!\\d)\\w+)? (?:will|is|are|can|might|may|could|does|do|provides?|guides?|helps?|assists?|sets? up"
          + "|works?|verif\\w+|connects?|remotely|attempts?|offers?|delivers?|performs?|" + THIRD_PERSON_VERB + ")\\b"
          + "|^we'll\\b"
          // FastTrack's people in the plural do what the verb's bare form says: "the solution architects assess …"; a
          // FastTrack document's solution architect is FastTrack's (a partner's is named so: "the partner's …")
          + "|^(?:the )?(?:(?:fasttrack|microsoft) )?(?:(?:fasttrack|microsoft) (?:specialists|engineers|managers)"
          + "|(?:fasttrack |microsoft )?solution architects) (?:also |then |will |can )?"
          + "(?!(?:and|or|of|in|on|for|with|to|at|from|who|that|which|are|were|have|had)\\b)[a-z]{3,}\\b");
  private static final Pattern MICROSOFT_RESPONSIBLE = Regex.compile(
      "\\b(?:fasttrack|microsoft)(?: center)? (?:is|are) responsible\\b"
          + "|\\b(?:is|are|be) (?:\\w+ly )?\\w+(?:ed|en) by (?:microsoft|fasttrack|the fasttrack (?:center|team))\\b");

  /**
   * A team a document names by its service, as the subject: "The Windows Autopatch Service Engineering Team will …",
   * "However, the App Assure team packages …". A Microsoft document's own capitalised team is Microsoft's; the
   * customer's are "your" teams, the project team or the partner's. Not "the FastTrack team has shared the outcome and
   * is waiting for the project team to address …": what a team has done reports the state, not whose work it is. Read
   * on the sentence as written: the capitals are the name.
   */
  private static final Pattern NAMED_TEAM = Regex.compile(
      "(?:^|[:;,]\\s+)[Tt]he (?!(?:Customer|Partner|Project|Implementation|Deployment|Your|IT)\\b)[A-Z][\\w-]*"
          + "(?: (?:[A-Z][\\w-]*|for|of|\\d+)){0,6} (?:[Tt]eam|[Ss]pecialists|[Ee]ngineers|[Aa]nalysts|[Ee]xperts)"
          + "(?: (?:also|then|will|can|may))? (?!(?:of|and|or|in|on|for|with|to|at|from|who|that|which|has|have|had)\\b)[a-z]{2,}");
  private static final Pattern SEGMENT = Regex.compile("[:;,]\\s+");
  /** A label of up to four words before a colon. */
  private static final Pattern SIDE_LABEL = Regex.compile("((?:[\\w'-]+\\s){0,3}[\\w'-]+):\\s+");
  /** "After you purchase licenses, follow the guidance ...": an instruction to the reader, the customer. */
  private static final Pattern IMPERATIVE_TO_YOU = Regex.compile(
      "^(?:after|once|when|before|if|as soon as) you\\b[^,]{1,120},\\s+(?![a-z]+ing\\b)(?!(?:we|microsoft|fasttrack|the|a|an|it|they|this|that|"
          + "there|our|your|you|these|those|he|she)\\b)[a-z]+\\b");

  /**
   * Microsoft advising someone else: "We recommend that you select a pilot group", "Microsoft recommends that project
   * leaders team up with their partner", "We encourage our customers to review ...": the advice is Microsoft's, the work
   * is the one advised's.
   */
  private static final Pattern ADVISES_OTHERS = Regex.compile(
      "^(?:we|microsoft|fasttrack)\\b[^,.;:]{0,30}? (?:recommends?|suggests?|advises?|encourages?|urges?) (?:that )?"
          + "(?!(?:we|us|microsoft|fasttrack|and|or|but|on|about)\\b)[a-z]");

  /** A clause that turns against the rest of its sentence: "X is supported, but Y isn't". */
  private static final Pattern CLAUSE_BREAK = Regex.compile(
      "(?i);\\s+|,?\\s+but\\s+|\\.?\\s+however,\\s+"
          // the comma after an opening concession; looked behind from the comma, so no other place pays for the look
          + "|,(?<=^(?:even though|although|though|while|whereas)\\b[^,]{3,200},)\\s+"
          // a carve-out: "Transitioning from a third-party provider ... except for configuring enhanced filtering"
          + "|,?\\s+(?=(?:except|excluding)\\s+(?:for\\s+)?[a-z]+ing\\b)");

  private Statements() {}

  /**
   * The statements of one passage's text.
   *
   * @param text the passage's quote
   * @param leadIn its lead-in and enclosing bullets
   * @param holder who holds the passage by its section or lead-in
   * @param guidance whether the section or lead-in frames it as guidance
   * @param inherited the scope its heading or list introduction puts on it
   */
  public static List<Statement> of(String text, String leadIn, Holder holder, boolean guidance, Polarity inherited) {
    return of(text, leadIn, holder, guidance, inherited, "");
  }

  /**
   * The statements of one passage's text that answers a question heading ("Does FastTrack migrate data?"): each is
   * searched with the question, and an answer that opens with "No" takes the question's work out of the benefit.
   *
   * @param asked the question heading, or empty
   */
  public static List<Statement> of(String text, String leadIn, Holder holder, boolean guidance, Polarity inherited,
      String asked) {
    return of(text, leadIn, holder, guidance, inherited, asked, StatementKind.DESCRIPTION);
  }

  /**
   * The statements of one passage's text, in a section that gives a statement naming no side a kind of its own.
   *
   * @param sectionKind what the passage's headings make of such a statement ({@link Classifier#sectionKind})
   */
  public static List<Statement> of(String text, String leadIn, Holder holder, boolean guidance, Polarity inherited,
      String asked, StatementKind sectionKind) {
    Polarity answered = inherited;
    boolean yesNo = !asked.isEmpty() && YES_NO_HEADING.matcher(Classifier.fold(asked)).find()
        && !Classifier.polarity(asked).excludes();
    if (yesNo && ANSWER_NO.matcher(Classifier.fold(text)).find()) {
      answered = Polarity.NOT_INCLUDED; // "Does FastTrack migrate data?" — "No. FastTrack provides guidance only."
    } else if (yesNo && sectionKind == StatementKind.DESCRIPTION && ANSWER_YES.matcher(Classifier.fold(text)).find()) {
      sectionKind = StatementKind.GRANT; // "Can the team help with network readiness?" — "Yes. The team reviews it."
    }
    List<Statement> out = new ArrayList<>();
    Set<Condition> passageForest = forest(Classifier.conditions(text, leadIn));
    for (String sentence : Sentences.split(text)) {
      for (String clause : clauses(sentence)) {
        Statement st = classify(clause, leadIn, holder, guidance, answered, passageForest, asked, sectionKind);
        // "However, other writeback scenarios aren't supported." reads the kinds its passage names before it
        out.add(OtherKinds.of(clause, text).map(st::with).orElse(st));
      }
    }
    if (out.isEmpty()) {
      out.add(classify(text, leadIn, holder, guidance, answered, passageForest, asked, sectionKind));
    }
    return out;
  }

  /** Openings that turn a sentence against what comes before it. */
  private static final Pattern TURNS_AGAINST = Regex.compile("(?:however|but|that said|nevertheless|nonetheless)\\b");

  /** A heading that asks a yes/no question. */
  private static final Pattern YES_NO_HEADING = Regex.compile(
      "^(?:does|do|can|will|is|are|would|could|should)\\b.*\\?\\s*$");
  /** An answer that opens with "No". */
  private static final Pattern ANSWER_NO = Regex.compile("^no\\b[,.;:!]?");
  /** An answer that opens with "Yes". */
  private static final Pattern ANSWER_YES = Regex.compile("^yes\\b[,.;:!]?");

  /** A sentence, or its clauses when one of them says the opposite of another about scope. */
  static List<String> clauses(String sentence) {
    String[] parts = CLAUSE_BREAK.split(sentence);
    if (parts.length < 2) {
      return List.of(sentence);
    }
    Set<Boolean> excluding = new LinkedHashSet<>();
    for (String p : parts) {
      if (p.split("\\s+").length < 3) {
        return List.of(sentence);
      }
      excluding.add(Classifier.polarity(p).excludes());
    }
    return excluding.size() > 1 ? List.of(parts) : List.of(sentence);
  }

  private static Statement classify(String sentence, String leadIn, Holder sectionHolder, boolean guidance,
      Polarity inherited, Set<Condition> passageForest, String asked, StatementKind sectionKind) {
    Polarity own = Classifier.polarity(sentence);
    Holder subject = subjectHolder(sentence);
    Set<Condition> conditions = EnumSet.noneOf(Condition.class);
    conditions.addAll(Classifier.conditions(sentence, leadIn));
    if (forest(conditions).isEmpty()) {
      conditions.addAll(passageForest);
    }
    // a sentence with its own subject says itself whether it is guidance; its section's framing is not its own
    boolean guided = subject != Holder.NONE ? Classifier.guidance(sentence, "") : guidance || Classifier.guidance(sentence, "");
    Holder holder = subject != Holder.NONE ? subject : sectionHolder;
    if (holder == Holder.NONE && INSTRUCTION.matcher(Classifier.fold(sentence).strip()).find()) {
      holder = Holder.CUSTOMER; // an instruction to the reader, in a passage no heading gives to a side
    }
    // "However, the team packages the apps it remediated": a sentence that turns against its section's exclusion
    Polarity polarity = own != Polarity.NONE ? own
        : inherited.excludes() && TURNS_AGAINST.matcher(Classifier.fold(sentence).strip()).lookingAt() ? Polarity.NONE
        : inherited;
    List<Limit> limits = Constraints.of(sentence);
    StatementKind kind = Classifier.kind(sentence, polarity, holder, leadIn, sectionKind, !limits.isEmpty());
    if (kind == StatementKind.NAVIGATION) {
      holder = Holder.NONE; // "Want to learn more?" points elsewhere: it gives nothing to either side
    }
    return new Statement(sentence, leadIn, holder, subject != Holder.NONE, guided, JointWork.joint(sentence), polarity,
        conditions, limits, asked, kind);
  }

  private static Set<Condition> forest(Set<Condition> conditions) {
    Set<Condition> f = EnumSet.noneOf(Condition.class);
    conditions.stream().filter(Condition::isForest).forEach(f::add);
    return f;
  }

  /**
   * An opening clause in which the customer takes a step ("When you request the App Assure service, a Microsoft
   * engineer works with you …", "After you purchase the licenses, …"): the step is the customer's, whoever does the
   * rest. A state ("If you have …", "when you use …") is no step.
   */
  private static final Pattern CUSTOMER_STEP = Regex.compile(
      "^(?:when|once|after|as soon as|before)\\s+(?:you|your organization|the customer|customers)\\s+(?:have\\s+)?"
          + "(?!(?:have|has|are|is|use|want|need|own|run|plan)\\b)[a-z]+[^,;:]{0,120},");

  /** The opening clause of a sentence in which the customer takes a step ({@link #CUSTOMER_STEP}), or empty. */
  public static String customerStep(String sentence) {
    Matcher m = CUSTOMER_STEP.matcher(sentence.strip().toLowerCase(java.util.Locale.ROOT));
    return m.lookingAt() ? m.group() : "";
  }

  /** The side a sentence names as its own subject, or NONE. */
  public static Holder subjectHolder(String sentence) {
    String s = Classifier.fold(sentence).strip();
    if (CUSTOMER_RESPONSIBLE.matcher(s).find()) {
      return Holder.CUSTOMER;
    }
    if (MICROSOFT_RESPONSIBLE.matcher(s).find()) {
      return Holder.MICROSOFT;
    }
    if (IMPERATIVE_TO_YOU.matcher(s).find()) {
      return Holder.CUSTOMER;
    }

    // the subject opens the sentence, or a segment after a colon or semicolon (table rows join their cells so)
    List<String> segments = new ArrayList<>(List.of(s));
    segments.addAll(List.of(SEGMENT.split(s)));
    // the subject after a phrase that sets the scene: "On a best-effort basis, Microsoft Support might advise …"
    Matcher opening = OPENING_PHRASE.matcher(s);
    if (opening.lookingAt()) {
      segments.add(s.substring(opening.end()));
    }
    // a row or item that names its side as a label: "The FastTrack Center: Configures the migration tools"
    Matcher label = SIDE_LABEL.matcher(s);
    if (label.lookingAt()) {
      segments.add(label.group(1) + " " + s.substring(label.end()));
    }
    for (String segment : segments) {
      if (ADVISES_OTHERS.matcher(segment).find() || CUSTOMER_SUBJECT.matcher(segment).find()) {
        return Holder.CUSTOMER;
      }
      if (MICROSOFT_SUBJECT.matcher(segment).find()) {
        return Holder.MICROSOFT;
      }
    }
    return NAMED_TEAM.matcher(sentence.strip()).find() ? Holder.MICROSOFT : Holder.NONE;
  }

}
