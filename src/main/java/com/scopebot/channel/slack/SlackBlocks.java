package com.scopebot.channel.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.scopebot.service.AnswerService;
import com.scopebot.answer.Answer;
import com.scopebot.answer.AnswerText;
import com.scopebot.answer.ChangeSummary;
import com.scopebot.answer.Citation;
import com.scopebot.answer.Verdict;
import com.scopebot.corpus.Document;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Block Kit for answers: the verdict first, the short answer, up to three quotes each with a context line
 * {@code title › section · revision · link}, then buttons. Stays within Slack's limits: 3,000 characters a section
 * text, 50 blocks a message (100 in a Home tab).
 *
 * <p>Stateless and thread-safe.
 */
public final class SlackBlocks {

  /** Slack's limit on a section's text. */
  static final int MAX_SECTION_TEXT = 3000;
  /** Slack's limit on blocks in a message. */
  static final int MAX_BLOCKS = 50;
  /** Slack's limit on blocks in a Home tab. */
  static final int MAX_HOME_BLOCKS = 100;
  /** Quotes shown with an answer; the rest behind "More sources". */
  static final int QUOTES = 3;
  /** A quote longer than this is cut at a word, with an ellipsis. */
  static final int MAX_QUOTE = 600;

  static final String SHARE = "share_answer";
  /** A link button to the dispute view: Slack still sends its click, which needs only an acknowledgement. */
  static final String DISPUTE = "open_dispute_view";
  /** A link button to the answer's page: as for the dispute view, its click needs only an acknowledgement. */
  static final String PAGE = "open_answer_page";
  static final String MORE = "more_sources";
  static final String UP = "feedback_up";
  static final String DOWN = "feedback_down";
  /** Slack user ids: {@code U…}, or {@code W…} on Enterprise Grid. */
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

  /** Example questions shown in help and on the Home tab. */
  static final List<String> EXAMPLES = List.of(
      "Is AD FS in scope for a multi-forest setup?",
      "Who provides the public SSL certificates?",
      "Is hybrid Entra ID join part of the onboarding?",
      "How many single sign-on SaaS apps does FastTrack connect?");

  private SlackBlocks() {}

  /** The verdict as a label with its emoji: "⛔ Out of scope". */
  static String label(Verdict v) {
    return v.emoji() + " " + v.label();
  }

  /**
   * An answer as blocks.
   *
   * @param answerId the record id the buttons refer to, or null for an answer given without a record: then no
   *     buttons that need one, and a line saying it was not recorded
   * @param share true to offer "Share in channel" (an ephemeral slash-command answer)
   * @param buttons false for a copy posted by "Share in channel", which needs no buttons of its own
   */
  static List<LayoutBlock> answer(String answerId, Answer a, boolean share, boolean buttons) {
    return answer(answerId, a, share, buttons, null);
  }

  /** @param disputeUrl a link to the full dispute view of the claim, or null */
  static List<LayoutBlock> answer(String answerId, Answer a, boolean share, boolean buttons, String disputeUrl) {
    return answer(answerId, a, share, buttons, disputeUrl, null);
  }

  /**
   * @param disputeUrl a link to the full dispute view of the claim, or null
   * @param pageUrl the answer record's page (what a support engineer pastes into a ticket), or null
   */
  static List<LayoutBlock> answer(String answerId, Answer a, boolean share, boolean buttons, String disputeUrl,
      String pageUrl) {
    return answer(answerId, a, share, buttons, disputeUrl, pageUrl, false);
  }

  /**
   * @param askExpert offer "Ask a FastTrack expert" (an experts' channel is configured); an unknown answer says it went
   *     to them instead
   */
  static List<LayoutBlock> answer(String answerId, Answer a, boolean share, boolean buttons, String disputeUrl,
      String pageUrl, boolean askExpert) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (a.changes() != null && !a.changes().steps().isEmpty()) {
      return changes(a.changes());
    }
    if (a.smallTalk() != null) {
      // help, a greeting, thanks or a question too long: no verdict to rate
      blocks.add(section(s -> s.text(markdownText(mrkdwn(a.answer(), 2900)))));
      return blocks;
    }
    blocks.add(section(s -> s.text(markdownText("*" + escape(label(a.verdict())) + "*\n" + mrkdwn(a.answer(), 2500)))));
    List<Citation> shown = a.citations().subList(0, Math.min(QUOTES, a.citations().size()));
    int n = 1;
    for (Citation c : shown) {
      quote(blocks, n++, c);
    }
    if (a.citations().isEmpty() && !a.closest().isEmpty()) {
      blocks.add(context(c -> c.elements(List.of(markdownText("_Closest I found — none of these answers it:_")))));
      for (Citation c : a.closest().subList(0, Math.min(QUOTES, a.closest().size()))) {
        quote(blocks, n++, c);
      }
    }
    if (buttons && answerId == null) {
      // no record: nothing to share, read back or rate; the dispute view needs only the question
      blocks.add(context(c -> c.elements(List.of(markdownText("_" + AnswerService.NOT_RECORDED + "_")))));
      if (disputeUrl != null) {
        blocks.add(actions(x -> x.elements(List.of(
            button(b -> b.actionId(DISPUTE).text(plainText("Full dispute view")).url(disputeUrl))))));
      }
    } else if (buttons) {
      List<BlockElement> elements = new ArrayList<>();
      if (share) {
        elements.add(button(b -> b.actionId(SHARE).text(plainText("Share in channel")).value(answerId).style("primary")));
      }
      if (a.citations().size() > QUOTES) {
        elements.add(button(b -> b.actionId(MORE).text(plainText("More sources (" + (a.citations().size() - QUOTES) + ")"))
            .value(answerId)));
      }
      if (disputeUrl != null) {
        elements.add(button(b -> b.actionId(DISPUTE).text(plainText("Full dispute view")).url(disputeUrl)));
      }
      if (pageUrl != null) {
        elements.add(button(b -> b.actionId(PAGE).text(plainText("Answer page")).url(pageUrl)));
      }
      elements.add(button(b -> b.actionId(UP).text(plainText("👍")).value(answerId)));
      elements.add(button(b -> b.actionId(DOWN).text(plainText("👎")).value(answerId)));
      boolean handedOff = askExpert && a.verdict() == Verdict.UNKNOWN; // the service handed it off by itself
      if (askExpert && !handedOff) {
        elements.add(button(b -> b.actionId(ExpertPost.ASK).text(plainText("Ask a FastTrack expert")).value(answerId)));
      }
      blocks.add(actions(x -> x.elements(elements)));
      if (handedOff) {
        blocks.add(context(c -> c.elements(List.of(plainText(com.scopebot.service.Experts.HANDED_OFF)))));
      }
    }
    return blocks;
  }

  /**
   * An answer shared in a channel: who asked what, then the answer, so the channel reads it as a reply to a question.
   *
   * @param userId the Slack id of the person who asked (and shares); anything that is not an id reads "Someone"
   */
  static List<LayoutBlock> shared(String userId, String answerId, Answer a) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(asked(userId, a)))));
    blocks.addAll(answer(answerId, a, false, true));
    return blocks;
  }

  /** The notification text of a shared answer. */
  static String sharedFallback(String userId, Answer a) {
    return asked(userId, a) + "\n" + fallback(a);
  }

  /** {@code <@U123> asked: “question”}, the question escaped; a mention only of a well-formed user id. */
  private static String asked(String userId, Answer a) {
    String who = userId != null && USER_ID.matcher(userId).matches() ? "<@" + userId + ">" : "Someone";
    return who + " asked: “" + mrkdwn(a.question() == null ? "" : a.question(), 500) + "”";
  }

  /** Every citation of an answer (the "More sources" reply), within the block limit. */
  static List<LayoutBlock> allSources(Answer a) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*All sources for:* " + mrkdwn(a.question(), 500)))));
    int n = 1;
    for (Citation c : a.citations()) {
      if (blocks.size() + 2 > MAX_BLOCKS) {
        break;
      }
      quote(blocks, n++, c);
    }
    return blocks;
  }

  private static void quote(List<LayoutBlock> blocks, int n, Citation c) {
    blocks.add(section(s -> s.text(markdownText(blockQuote("*" + n + ".* ", mrkdwn(c.quote(), MAX_QUOTE))))));
    // the link is added after cutting, so a cut can never fall inside it
    StringBuilder text = new StringBuilder(mrkdwn(c.source(), 1500));
    if (!c.current()) {
      text.append(" _(superseded revision)_");
    }
    text.append(link(" · ", c.url(), "open in document"));
    blocks.add(context(x -> x.elements(List.of(markdownText(text.toString())))));
  }

  /**
   * "What changed": a section a revision step with its counts, its examples each linked by revision and line, and a
   * link to the changes page at that step when the page has a whole address (Slack opens no relative links).
   */
  private static List<LayoutBlock> changes(ChangeSummary summary) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!summary.note().isEmpty()) {
      blocks.add(section(s -> s.text(markdownText(mrkdwn(summary.note(), 1000)))));
    }
    for (ChangeSummary.Step step : summary.steps()) {
      if (blocks.size() >= MAX_BLOCKS) {
        break;
      }
      StringBuilder sb = new StringBuilder("*").append(mrkdwn(step.heading(), 300)).append("*: ")
          .append(mrkdwn(step.counts(), 200)).append('.');
      for (ChangeSummary.Example e : step.examples()) {
        sb.append("\n• ").append(mrkdwn(e.kind(), 20)).append(": “").append(mrkdwn(e.text(), 300)).append('”')
            .append(link(" · ", e.url(), mrkdwn(e.label(), 100)));
      }
      if (step.more() > 0) {
        sb.append("\n• … and ").append(step.more()).append(" more");
      }
      sb.append(link("\n", step.page(), "Every change in this step, with both revisions' links"));
      blocks.add(section(s -> s.text(markdownText(sb.toString()))));
    }
    return blocks;
  }

  /**
   * {@code <url|label>} after {@code lead}, or nothing when the URL is not a whole http(s) address Slack can open (or
   * holds a character that would end the link early). {@code label} is mrkdwn already.
   */
  static String link(String lead, String url, String label) {
    if (url.isEmpty() || url.length() >= 1000 || !url.matches("https?://[^\\s<>|]+")) {
      return "";
    }
    return lead + "<" + url + "|" + label + ">";
  }

  /**
   * Escaped text as a mrkdwn block quote: Slack reads {@code >} as a quote only at the start of a line, so every line
   * gets one. {@code lead} (mrkdwn, e.g. the quote's number) opens the first line.
   */
  static String blockQuote(String lead, String escaped) {
    StringBuilder sb = new StringBuilder();
    String[] lines = escaped.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      sb.append(i == 0 ? "" : "\n").append('>').append(i == 0 ? lead : "").append(lines[i]);
    }
    return sb.toString();
  }

  /** The document's title, which people know it by; the file name only for a record stored without one. */
  static String title(Citation c) {
    return c.displayTitle();
  }

  /** The headings below the title (see {@link Citation#headings}). */
  static List<String> headings(Citation c) {
    return c.headings();
  }

  /** The notification text: what clients show where blocks can't be (push notifications, screen readers). */
  static String fallback(Answer a) {
    String first = a.citations().isEmpty() ? "" : " — “" + cut(a.citations().get(0).quote(), 300) + "”";
    return mrkdwn(AnswerText.headline(a) + first, 3000);
  }

  /** How to use the bot. */
  static List<LayoutBlock> help(String command) {
    StringBuilder examples = new StringBuilder();
    for (String e : EXAMPLES) {
      examples.append("• `").append(command).append(' ').append(mrkdwn(e, 300)).append("`\n");
    }
    return List.of(
        section(s -> s.text(markdownText("*Scopebot answers FastTrack scope questions* with a verdict and the exact "
            + "sentences of the FastTrack documents it rests on."))),
        section(s -> s.text(markdownText("*Try:*\n" + examples))),
        context(c -> c.elements(List.of(markdownText("Also: mention me in a channel (I answer in the thread), send me a "
            + "direct message, or use the *Check FastTrack scope* shortcut on any message.")))));
  }

  /** The Home tab: what the bot covers (documents and revisions), examples, how to use it. */
  static View home(List<Document> documents, String command) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Scopebot — FastTrack scope answers"))));
    blocks.add(section(s -> s.text(markdownText("Ask whether something is in the FastTrack benefit and who does what. "
        + "Every answer quotes the documents, with section, revision and a link."))));
    blocks.add(divider());
    blocks.add(section(s -> s.text(markdownText("*What I cover*"))));
    for (Document d : documents) {
      if (blocks.size() + 8 > MAX_HOME_BLOCKS) {
        break;
      }
      String line = "• *" + mrkdwn(d.title(), 500) + "* — `" + mrkdwn(d.file(), 300) + "`, revision "
          + mrkdwn(d.revision(), 20) + (d.current() ? "" : " _(superseded, kept for disputes)_");
      blocks.add(context(c -> c.elements(List.of(markdownText(line)))));
    }
    blocks.add(divider());
    blocks.addAll(help(command));
    return View.builder().type("home").blocks(blocks).build();
  }

  /** Escapes the three characters Slack's mrkdwn reserves, so quoted text can never open a tag or a link. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Escaped text of at most {@code max} characters: escaped first, then cut at a word with an ellipsis, and never
   * inside an escape ("&amp;") — so what Slack reads is always whole.
   */
  static String mrkdwn(String text, int max) {
    String escaped = cut(escape(text), max);
    int amp = escaped.lastIndexOf('&');
    if (amp >= 0 && escaped.indexOf(';', amp) < 0) {
      escaped = escaped.substring(0, amp).stripTrailing() + "…";
    }
    return escaped;
  }

  /** Cuts text at a word, adding an ellipsis, when it is longer than {@code max} characters. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = text.lastIndexOf(' ', max - 1);
    if (end < max / 2) {
      end = max - 1;
    }
    return text.substring(0, end).stripTrailing() + "…";
  }
}
