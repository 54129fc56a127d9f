package com.scopebot.corpus;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies passages at ingestion: who holds them, what they say about scope, and on which conditions.
 *
 * <p>Stateless and thread-safe. The rules read the document's own wording (section titles, notes, parentheses),
 * never the questions.
 */
public final class Classifier {

  /**
   * Out of scope in so many words: "out of scope", "beyond the scope", "outside the service's scope"; a page that
   * leaves something to another page ("outside the scope of this article") says nothing of the benefit.
   */
  private static final Pattern OUT_OF_SCOPE = Regex.compile("\\bout[ -]of[ -](the )?scope\\b"
      + "|\\b(?:beyond|outside(?: of)?) (?:the |its |this |our |(?:the )?[a-z]+'s )?scope\\b"
      + "(?! of (?:this|these|the) (?:article|articles|document|guide|page|topic|section)s?\\b)");
  /** An adverb that may stand between a negation and what it denies: "isn't currently supported", "not yet covered". */
  private static final String ADVERB = "(?: (?:(?!only )[a-z]{2,}ly|yet))?";
  private static final Pattern NOT_SUPPORTED = Regex.compile(
      "(\\bnot|n't|\\bno longer)" + ADVERB + " supported\\b|\\b(does not|doesn't|do not|don't|cannot|can't) support\\b|\\bunsupported\\b");
  private static final Pattern NOT_INCLUDED = Regex.compile(
      "\\b(does not|doesn't|do not|don't) (include|cover|provide)\\b"
          + "|(\\bnot|n't)" + ADVERB + " (included|covered|provided|offered|available(?! in\\b)|(?:a )?part of|migrated|moved|copied|transferred)\\b"
          // a column or list of what is left behind: "What won't migrate", "Not migrated"
          + "|\\bwhat (won't|will not|doesn't|does not) (migrate|move|transfer)\\b"
          // not a thing described as excluded before: "Register a device that was previously excluded"
          + "|(?<!\\b(?:previously|already|formerly|once) )\\bexcluded\\b"
          + "(?! (?:devices?|users?|items?|groups?|mailboxes|accounts?|apps?)\\b)"
          // FastTrack's own "we don't design or develop", "Microsoft won't migrate", "we can't guarantee the speed", "we
          // have no formal role"
          + "|\\b(we|fasttrack|microsoft|azure|the platform|the fasttrack team|fasttrack specialists)( \\w+)? (don't|do not|doesn't|does not|won't"
          + "|will not|can't|cannot|can not) (?!need|have to|require|always|necessarily)\\w+|\\b(we|fasttrack|microsoft) (have|has) no\\b"
          // the carve-out of a grant, split from it as a clause of its own
          + "|^(?:except|excluding)\\s+(?:for\\s+)?[a-z]+ing\\b"
          // the work itself denied in the passive: "disabled users will not be migrated"
          + "|\\b(?:will not|won't|are not|aren't|is not|isn't|cannot|can't|can not) be (?:migrated|moved|copied"
          + "|transferred|converted|upgraded|included|covered|provided|offered|configured|deployed|installed|created"
          + "|built|performed|done|delivered)\\b"
          // a capability denied: "the customer name won't be resolved", "it can't be cloud-hosted"
          + "|\\b(?:will not|won't|cannot|can't|can not) be (?:\\w+-)?(?!(?:required|needed|necessary)\\b)\\w+(?:ed|en)\\b");
  private static final Pattern NOT_REQUIRED = Regex.compile("\\bnot (required|needed|necessary)\\b");
  private static final Pattern REQUIRES = Regex.compile("\\b(is|are) required\\b|\\brequires\\b|\\bmust (have|be)\\b");

  private static final Pattern SINGLE_FOREST = Regex.compile(
      "\\b(?:single[- ]+(active directory )?(account )?forest\\b|one (active directory )?forest\\b|single- and\\b)");
  private static final Pattern MULTIPLE_FOREST = Regex.compile(
      // one \b for all the alternatives, not one each: found the same, faster; conditions are read from every question
      "\\b(?:multi(ple)?[- ]*(active directory )?forests?\\b|multi-forests?\\b|forest trusts\\b"
          + "|(two|three|four|five|several|many|various|\\d+)\\s+(active directory |ad )?forests\\b|across forests\\b)");
  private static final Pattern IF_REQUIRED = Regex.compile("\\b(?:(if|when|as) (required|needed)\\b|if deployed\\b)");
  private static final Pattern WHEN_APPLICABLE = Regex.compile("\\b(when|if|where) applicable\\b");
  private static final Pattern LIMITED = Regex.compile("\\b(?:up to\\b|limited to\\b|only\\b)");

  private static final Pattern GUIDANCE = Regex.compile("\\bguid(ance|e|es|ing)\\b");
  private static final Pattern CUSTOMER_CUE = Regex.compile(
      "^(you|your organization|customers?) (perform|do|will|need|must|should|are responsible)\\b|\\byou'll do\\b"
          + "|\\bcustomers are responsible\\b");
  private static final Pattern MICROSOFT_CUE = Regex.compile(
      "\\b(we|fasttrack|microsoft|the fasttrack center|fasttrack specialists?)( will| also| then)? "
          + "(guide|guides|provide|provides|help|helps|assist|assists|set up|sets up|work|works|verify|verifies|connect|connects"
          + "|perform|performs|do|does)\\b"
          + "|\\bwe'll\\b");

  /** Headings that hand a section to the customer: "Your responsibilities", "Customer tasks", "What you do". */
  private static final Pattern CUSTOMER_HEADING = Regex.compile(
      "\\b(your|customer|customer's|customers|customers')\\s+(responsibilit\\w*|tasks?|role|activities|obligations|duties)\\b"
          + "|\\bwhat (you|the customer|customers) (do|does|need to do|will do|must do|should do)\\b"
          + "|^(you|customer)$");
  /** Headings that hand a section to Microsoft/FastTrack: "Microsoft's responsibilities", "What FastTrack does". */
  private static final Pattern MICROSOFT_HEADING = Regex.compile(
      "\\b(microsoft|microsoft's|fasttrack|fasttrack's)\\s+(center\\s+)?(responsibilit\\w*|tasks?|role|activities|"
          + "obligations|duties)\\b|\\bwhat (microsoft|fasttrack|we) (do|does|will do|provides?|offers?)\\b");
  /** Headings whose whole section is outside the benefit. */
  private static final Pattern EXCLUDING_HEADING = Regex.compile(
      "\\bout[ -]of[ -]scope\\b|\\bnot (in scope|included|covered|supported)\\b|\\bexclusions?\\b"
          + "|\\bwhat('s| is) not (included|covered)\\b");

  /** A heading that labels its items unsupported ("Unsupported versions"), not one about them ("Details about …"). */
  private static final Pattern UNSUPPORTED_HEADING = Regex.compile("^unsupported\\b|(?:\\bunsupported|n't supported)$");

  /** Openings of sentences that send the reader elsewhere ("For more information, see ..."). */
  private static final Pattern NAVIGATION = WordList.load("navigation").opening();
  /** Headings of sections that list what the customer's environment must have ("Source environment expectations"). */
  private static final Pattern REQUIREMENT_HEADING = WordList.load("requirement-headings").anywhere();
  /** Headings of sections that list what the benefit covers ("In scope"). */
  private static final Pattern GRANT_HEADING = WordList.load("grant-headings").anywhere();
  /** Lead-ins whose items are part of what the benefit does ("Azure RMS setup includes the following:"). */
  private static final Pattern GRANT_LEAD_IN = WordList.load("grant-lead-ins").anywhere();

  /** A sentence that says what something is: "Defender XDR is a unified ... suite", "Workshops are a way to ...". */
  private static final Pattern DEFINITION = Regex.compile(
      "^(?:note:\\s*)?[^,;:]{2,80}?\\b(?:is|are)\\s+(?:a|an|one of the|the (?:first|best|only))\\b"
          // what a short name spells out: "SDS stands for School Data Sync."
          + "|^(?:note:\\s*)?[^,;:]{1,40}?\\b(?:stands for|is short for|is an abbreviation for|is an acronym for)\\s");

  private Classifier() {}

  /**
   * The kind its headings give a statement that names no side of its own: {@link StatementKind#REQUIREMENT} under
   * "Prerequisites" or "Source environment expectations", {@link StatementKind#GRANT} under "In scope", else
   * {@link StatementKind#DESCRIPTION}. The innermost heading that says one decides.
   */
  public static StatementKind sectionKind(List<String> sectionPath, PassageKind passage) {
    StatementKind byHeading = sectionKind(sectionPath);
    // a benefit document's bullets, notes and table rows are what it covers unless a heading says otherwise; its
    // paragraphs narrate
    return byHeading == StatementKind.DESCRIPTION && passage != PassageKind.PARAGRAPH ? StatementKind.GRANT : byHeading;
  }

  /** The kind the headings alone give (see {@link #sectionKind(List, PassageKind)}). */
  public static StatementKind sectionKind(List<String> sectionPath) {
    for (int i = sectionPath.size() - 1; i >= 0; i--) {
      String h = fold(sectionPath.get(i));
      if (EXCLUDING_HEADING.matcher(h).find()) {
        return StatementKind.DESCRIPTION; // "Out of scope" is inherited as polarity, and polarity decides first
      }
      if (REQUIREMENT_HEADING.matcher(h).find()) {
        return StatementKind.REQUIREMENT;
      }
      if (GRANT_HEADING.matcher(h).find()) {
        return StatementKind.GRANT;
      }
    }
    return StatementKind.DESCRIPTION;
  }

  /**
   * What a statement does: the one place that decides it, from what was already read of it. Polarity first (an
   * exclusion is one whoever it names), then navigation, then the side that holds it, then its section's kind.
   *
   * @param sentence the statement's text
   * @param polarity its own polarity, else its heading's or lead-in's
   * @param holder its own subject's side, else its section's or lead-in's
   * @param leadIn the lead-in it is read with ("... includes the following features:"), or empty
   * @param sectionKind what its headings make of a statement that names no side ({@link #sectionKind})
   * @param limited true when it states a limit ("is a one time activity"): a constraint, never a mere definition
   */
  public static StatementKind kind(String sentence, Polarity polarity, Holder holder, String leadIn,
      StatementKind sectionKind, boolean limited) {
    if (polarity.excludes()) {
      return StatementKind.EXCLUSION;
    }
    String own = fold(sentence).strip();
    int colon = own.lastIndexOf(": ");
    // a bullet read with its lead-in: "For single- and multiple-forest environments: For more information, see ..."
    if (NAVIGATION.matcher(own).find() || colon > 0 && NAVIGATION.matcher(own.substring(colon + 2)).find()
        || sentence.strip().endsWith("?")) {
      return StatementKind.NAVIGATION;
    }
    if (PROHIBITION.matcher(colon > 0 ? own.substring(colon + 2) : own).lookingAt()) {
      // "Not modify the Autopilot profile or add/remove assigned devices", "Do not remove the user account": what a
      // side must not do says nothing of whose that work is, nor that the benefit covers it
      return StatementKind.DESCRIPTION;
    }
    if (holder == Holder.CUSTOMER) {
      return StatementKind.RESPONSIBILITY;
    }
    if (JointWork.joint(own)) {
      return StatementKind.GRANT; // says who does the work, both sides: never mere description
    }
    if (holder == Holder.MICROSOFT) {
      return StatementKind.GRANT; // a prerequisite it names ("licences are required") is a limit of the grant
    }
    if (sectionKind == StatementKind.REQUIREMENT
        || polarity == Polarity.REQUIRES && sectionKind == StatementKind.DESCRIPTION) {
      // in a list of what the benefit covers, "(a subscription is required)" is a prerequisite of the grant
      return StatementKind.REQUIREMENT;
    }
    if (!leadIn.isEmpty() && leadIn.strip().endsWith(":") && GRANT_LEAD_IN.matcher(fold(leadIn)).find()) {
      return StatementKind.GRANT;
    }
    if (sectionKind == StatementKind.GRANT && !limited && DEFINITION.matcher(fold(sentence).strip()).find()) {
      return StatementKind.DESCRIPTION; // says what a product is, not that FastTrack does anything with it
    }
    if (sectionKind == StatementKind.DESCRIPTION && limited) {
      // narrative that limits the benefit ("Onboarding can begin when core capabilities are finished") constrains it
      return StatementKind.GRANT;
    }
    return sectionKind;
  }

  /** A prohibition in the imperative: "Do not …", "Don't …", "Never …", "Not modify …" (in a "Customer will" column). */
  private static final Pattern PROHIBITION = Regex.compile(
      "(?:do not|don't|never|not|must not|should not)\\s+(?!only\\b|all\\b|every\\b|just\\b|applicable\\b|available\\b"
          + "|required\\b|supported\\b|included\\b|covered\\b)[a-z]+");

  /** Folds typographic apostrophes and case so one set of patterns reads every document. */
  static String fold(String text) {
    return text.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
  }

  /** The strongest scope statement in a text: exclusions first, then relief, then preconditions. */
  public static Polarity polarity(String text) {
    String t = fold(text);
    if (OUT_OF_SCOPE.matcher(t).find()) {
      return Polarity.OUT_OF_SCOPE;
    }
    if (NOT_SUPPORTED.matcher(t).find()) {
      return Polarity.NOT_SUPPORTED;
    }
    if (NOT_INCLUDED.matcher(t).find()) {
      return Polarity.NOT_INCLUDED;
    }
    if (NOT_REQUIRED.matcher(t).find()) {
      return Polarity.NOT_REQUIRED;
    }
    if (REQUIRES.matcher(t).find()) {
      return Polarity.REQUIRES;
    }
    return Polarity.NONE;
  }

  /** Conditions stated in a text. */
  public static Set<Condition> conditions(String text) {
    String t = fold(text);
    Set<Condition> found = EnumSet.noneOf(Condition.class);
    if (SINGLE_FOREST.matcher(t).find()) {
      found.add(Condition.SINGLE_FOREST);
    }
    if (MULTIPLE_FOREST.matcher(t).find()) {
      found.add(Condition.MULTIPLE_FOREST);
    }
    if (IF_REQUIRED.matcher(t).find()) {
      found.add(Condition.IF_REQUIRED);
    }
    if (WHEN_APPLICABLE.matcher(t).find()) {
      found.add(Condition.WHEN_APPLICABLE);
    }
    if (LIMITED.matcher(t).find()) {
      found.add(Condition.LIMITED);
    }
    return found;
  }

  /**
   * The forest topology a text names, if any: {@link Condition#SINGLE_FOREST}, {@link Condition#MULTIPLE_FOREST}, both
   * or neither. Both need the word "forest" (or "single- and", as in "single- and multi-forest"), so a text without it
   * is not searched.
   */
  public static Set<Condition> forestConditions(String text) {
    String t = fold(text);
    Set<Condition> found = EnumSet.noneOf(Condition.class);
    if (!t.contains("forest") && !t.contains("single- and")) {
      return found;
    }
    if (SINGLE_FOREST.matcher(t).find()) {
      found.add(Condition.SINGLE_FOREST);
    }
    if (MULTIPLE_FOREST.matcher(t).find()) {
      found.add(Condition.MULTIPLE_FOREST);
    }
    return found;
  }

  /** Forest conditions of a text, or those of its lead-in when the text itself names none. */
  public static Set<Condition> conditions(String text, String leadIn) {
    Set<Condition> own = conditions(text);
    if (own.stream().noneMatch(Condition::isForest)) {
      conditions(leadIn).stream().filter(Condition::isForest).forEach(own::add);
    }
    return own;
  }

  /**
   * Who holds a passage, from the innermost heading (or title) that names a side's responsibilities; failing that,
   * from the way the text itself speaks ("we'll guide you", "You perform the tasks").
   */
  public static Holder holder(List<String> sectionPath, String title, String text) {
    for (int i = sectionPath.size() - 1; i >= -1; i--) {
      Holder h = holderOfHeading(i >= 0 ? sectionPath.get(i) : title);
      if (h != Holder.NONE) {
        return h;
      }
    }
    String t = fold(text);
    if (CUSTOMER_CUE.matcher(t).find()) {
      return Holder.CUSTOMER;
    }
    if (MICROSOFT_CUE.matcher(t).find()) {
      return Holder.MICROSOFT;
    }
    return Holder.NONE;
  }

  static Holder holderOfHeading(String heading) {
    String h = fold(heading);
    if (CUSTOMER_HEADING.matcher(h).find()) {
      return Holder.CUSTOMER;
    }
    if (MICROSOFT_HEADING.matcher(h).find()) {
      return Holder.MICROSOFT;
    }
    return Holder.NONE;
  }

  /**
   * The scope a heading or list introduction puts on everything under it ("## Out of scope", "### Unsupported
   * versions", "The following aren't included:"), or {@link Polarity#NONE}.
   */
  public static Polarity inherited(List<String> sectionPath, String intro) {
    for (String heading : sectionPath) {
      if (EXCLUDING_HEADING.matcher(fold(heading)).find()) {
        return Polarity.OUT_OF_SCOPE;
      }
      if (UNSUPPORTED_HEADING.matcher(fold(heading).strip()).find()) {
        return Polarity.NOT_SUPPORTED;
      }
    }
    if (intro != null && intro.endsWith(":")) {
      Polarity p = polarity(intro);
      if (p.excludes()) {
        return p;
      }
    }
    return Polarity.NONE;
  }

  /**
   * True when the text or its lead-in frames the work as guidance ("Provide guidance about:"). Guidance named only in
   * an example ("Hold conference calls …, for example, guide you through …") does not make the work itself guidance.
   */
  public static boolean guidance(String text, String leadIn) {
    return GUIDANCE.matcher(fold(leadIn)).find() || GUIDANCE.matcher(EXAMPLE.split(fold(text), 2)[0]).find();
  }

  /** Where a sentence turns to examples of what it says. */
  private static final Pattern EXAMPLE = Regex.compile(",?\\s+(?:for example|for instance|e\\.g\\.)[,:]?\\s");
}
