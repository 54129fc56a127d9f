package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per quirk listed in the corpus README, on the fixture corpus. */
class DocumentParserTest {

  private static Corpus corpus;

  @BeforeAll
  static void load() throws CorpusException {
    corpus = Corpus.load(Fixtures.fixtureCorpus());
  }

  private static Passage find(String file, String text) {
    Optional<Passage> p = corpus.passages().stream()
        .filter(x -> x.document().file().equals(file) && x.text().contains(text)).findFirst();
    assertTrue(p.isPresent(), "no passage in " + file + " containing: " + text);
    return p.get();
  }

  @Test
  void readsFrontMatterWithCommentedKeys() {
    Document d = find("fasttrack-responsibilities.md", "Configuring DNS").document();
    assertEquals("FastTrack responsibilities", d.title());
    assertEquals("2019-03-07", d.revision(), "ms.date 3/7/2019 as ISO");
    assertEquals("11111111-2222-3333-4444-555555555555", d.assetId());
    assertTrue(corpus.passages().stream().noneMatch(p -> p.text().contains("ROBOTS")), "commented keys are not text");
  }

  @Test
  void fallsBackToCommitDateWithoutMsDate() {
    assertEquals("2018-06-01", find("customer-responsibilities.md", "SSL").document().revision());
  }

  @Test
  void citesNoteUnderTheForestBulletAsItsOwnPassage() {
    Passage note = find("fasttrack-responsibilities.md", "For all multiple forest configurations");
    assertEquals(PassageKind.NOTE, note.kind());
    assertEquals("For all multiple forest configurations, AD FS deployments are out of scope.", note.text());
    assertEquals(34, note.line(), "the line of the note's words, not of the [!NOTE] marker");
    assertTrue(note.context().contains("single forest when the target is federated"), "note keeps its bullet as context");
    assertEquals(Polarity.OUT_OF_SCOPE, note.polarity());
    assertTrue(note.conditions().contains(Condition.MULTIPLE_FOREST));
  }

  @Test
  void quotesNestedBulletWithItsParentLeadIn() {
    Passage p = find("fasttrack-responsibilities.md", "Installing a directory synchronization server");
    assertEquals("For a single-forest environment: Installing a directory synchronization server (only guidance if required).",
        p.text());
    assertTrue(p.conditions().contains(Condition.SINGLE_FOREST));
    assertTrue(p.conditions().contains(Condition.IF_REQUIRED));
  }

  @Test
  void readsNestedListsIndentedWithTabsAndTwoSpaces() {
    assertEquals("Integrating Intune with: Team Viewer for remote assistance (Team Viewer subscription is required).",
        find("fasttrack-responsibilities.md", "Team Viewer for remote").text());
    Passage twoSpaces = find("fasttrack-responsibilities.md", "Installing Azure AD Connect synchronization");
    assertTrue(twoSpaces.text().startsWith("For a multiple-forest environment: "));
  }

  @Test
  void readsAlertWhoseTextStartsOnTheMarkerLine() {
    Passage p = find("fasttrack-responsibilities.md", "classic PC management");
    assertEquals(PassageKind.NOTE, p.kind());
    assertFalse(p.text().contains("[!IMPORTANT]"));
  }

  @Test
  void splitsTableCellNoteFromItsRow() {
    Passage row = find("customer-responsibilities.md", "Core capabilities");
    assertEquals(PassageKind.TABLE_ROW, row.kind());
    assertTrue(row.text().contains("Single Active Directory forest; Multiple Active Directory forests"), row.text());
    assertFalse(row.text().contains("<br"), "no HTML in quotes");
    Passage note = find("customer-responsibilities.md", "AD FS deployment is out of scope");
    assertEquals(PassageKind.NOTE, note.kind());
    assertEquals("For all multiple forests configurations, AD FS deployment is out of scope for the benefit.", note.text());
  }

  @Test
  void dropsAnchorsFromHeadings() {
    Passage p = find("fasttrack-responsibilities.md", "Configuring DNS");
    assertEquals(List.of("FastTrack responsibilities", "Enable phase"), p.section());
  }

  @Test
  void treatsBoldLineAsSubHeading() {
    Passage p = find("fasttrack-responsibilities.md", "Licensing two pilot users");
    assertEquals(List.of("FastTrack responsibilities", "Enable phase", "Enable phase - Extras"), p.section());
  }

  @Test
  void joinsLinksWrittenWithASpace() {
    Passage p = find("fasttrack-responsibilities.md", "For more information");
    assertEquals("For more information, see Troubleshooting guide and the overview.", p.text());
  }

  @Test
  void repairsDoubleEncodedApostrophe() {
    Passage p = find("customer-responsibilities.md", "jointly verify");
    assertTrue(p.text().contains("you’re ready"), p.text());
    assertFalse(p.text().contains("â€"));
  }

  @Test
  void skipsTableOfContentsLinks() {
    assertTrue(corpus.passages().stream().noneMatch(p -> p.text().equals("Customer responsibilities")));
  }

  @Test
  void buildsPermalinkFromSources() {
    Passage p = find("fasttrack-responsibilities.md", "For all multiple forest configurations");
    assertEquals("https://github.com/example/docs/blob/abc123/docs/fasttrack.md#L34", p.url());
    assertEquals("", find("fasttrack-responsibilities-2017.md", "One integrated").url(), "no source, no link");
  }

  @Test
  void everyPassageFitsACitation() {
    for (Passage p : corpus.passages()) {
      assertTrue(p.text().length() <= Passage.MAX_QUOTE, p.text());
    }
  }

  @Test
  void splitsLongParagraphsAtSentences() {
    String sentence = "This sentence is about forty-five characters. ";
    List<String> chunks = Sentences.chunks(sentence.repeat(20).trim());
    assertTrue(chunks.size() >= 3);
    chunks.forEach(c -> assertTrue(c.length() <= Passage.MAX_QUOTE && c.endsWith("characters."), c));
  }

  @Test
  void cutsASentenceTooLongForAQuoteAtItsLastClauseBreak() {
    String sentence = "For scenarios that include synchronizing identities, we help you by "
        + "adding administrators and users to your subscription, configuring the management prerequisites, "
        + "setting up the premium service, setting up directory synchronization with managed authentication "
        + "and federation using the connect tool, configuring test users and groups, adding test devices, "
        + "and validating your core use cases for the service.";
    assertTrue(sentence.length() > Passage.MAX_QUOTE, "the fixture must be longer than a quote: " + sentence.length());
    List<String> chunks = Sentences.chunks(sentence);
    assertEquals(List.of(sentence.substring(0, sentence.indexOf(" and validating")),
        "and validating your core use cases for the service."), chunks);
  }

  @Test
  void takesHolderFromSection() {
    assertEquals(Holder.CUSTOMER, find("customer-responsibilities.md", "SSL").holder());
    Passage dns = find("fasttrack-responsibilities.md", "Configuring DNS");
    assertEquals(Holder.MICROSOFT, dns.holder());
    assertTrue(dns.guidance(), "under 'Provide guidance about:'");
  }
  @Test
  void aListBrokenByATableAndANoteGoesOnUnderItsLeadIn() {
    String md = """
        ---
        title: Widget migration
        ---
        # Widget migration

        FastTrack Specialists perform the following during migrations:
        - Provide a standard template for scheduling widget moves.

        You perform the following during migrations:
        - Handle all communications with end users.
        - Schedule a target number of widgets a day as listed in the following table.

        |Widgets|A day|
        |:-----|:-----|
        |1-1000|25%|

           > [!NOTE]
           > These numbers are based on best practice.

        - Fix pre-migration failures (if applicable).

        Other notes come here:

        |Widgets|Notes|
        |:-----|:-----|
        |1-1000|none|

        - Widgets are counted once.
        """;
    List<Passage> passages = new DocumentParser().parse("widgets.md", md, null, "2020-01-01").passages();
    Passage template = passages.stream().filter(p -> p.text().contains("standard template")).findFirst().orElseThrow();
    assertEquals(Holder.MICROSOFT, template.holder(), "\"FastTrack Specialists perform the following\" is Microsoft's");
    Passage fix = passages.stream().filter(p -> p.text().contains("Fix pre-migration")).findFirst().orElseThrow();
    assertEquals(Holder.CUSTOMER, fix.holder(), "the bullets after the table and note are still the customer's");
    Passage counted = passages.stream().filter(p -> p.text().contains("counted once")).findFirst().orElseThrow();
    assertEquals(Holder.NONE, counted.holder(), "a paragraph between them ends the list the lead-in introduced");
  }
  @Test
  void aColumnWhoseHeaderExcludesIsAnExclusionOfItsOwn() {
    String md = """
        ---
        title: Widget migration
        ---
        # Widget migration

        |||||
        |:-----|:-----|:-----|:-----|
        |**Source**|**Type**|**What will migrate**|**What won't migrate**|
        |**Widget Classic**|Cutover|Layouts <br/> Colours|History <br/> Comments|
        | | |Owners|Drafts|
        """;
    List<Passage> passages = new DocumentParser().parse("widgets.md", md, null, "2020-01-01").passages();
    List<String> texts = passages.stream().map(Passage::text).toList();
    assertEquals(List.of("Widget Classic: Cutover Layouts; Colours", "Widget Classic \u2014 What won't migrate: History; "
        + "Comments", "Widget Classic: Owners", "Widget Classic \u2014 What won't migrate: Drafts"), texts,
        "the bold first row is the header, not content; a row with no first cell goes on under the one above");
    assertEquals(Polarity.NOT_INCLUDED, passages.get(1).polarity());
    assertEquals(Polarity.NONE, passages.get(0).polarity());
  }

  @Test
  void columnsThatHoldListsAreListsOfTheirOwnUnderTheirHeaders() {
    String md = """
        ---
        title: Widget migration
        ---
        # Widget migration

        | **What migrates** | **What doesn't migrate** |
        | --- | --- |
        | - Layouts.<br>- Colours. | - Drafts.<br>- Paths exceeding 400 characters. |
        """;
    List<Passage> passages = new DocumentParser().parse("widgets.md", md, null, "2020-01-01").passages();
    assertEquals(List.of("What migrates: Layouts.", "What migrates: Colours.", "What doesn't migrate: Drafts.",
        "What doesn't migrate: Paths exceeding 400 characters."), passages.stream().map(Passage::text).toList());
    assertEquals(Polarity.NONE, passages.get(0).polarity());
    assertEquals(Polarity.NOT_INCLUDED, passages.get(3).polarity());
  }

  @Test
  void aRowsWhoCellSaysWhoseTheRowIs() {
    String md = """
        ---
        title: Widget go-live
        ---
        # Microsoft responsibilities

        | Step | Action | When | Who | Notes |
        | --- | --- | --- | --- | --- |
        | 1 | Update the widget date | Two months ahead | Partner/Customer | Keep it current. |
        | 2 | Widget review (FastTrack) | FastTrack Architect* | Architect reviews the widgets. |
        | 3 | Widget workshop | Depends | Microsoft FastTrack together with the project team | |
        | 4 | Widget cutover | Depends | Customer/Partner runs the cutover. | |
        """;
    List<Passage> passages = new DocumentParser().parse("widgets.md", md, null, "2020-01-01").passages();
    assertEquals(4, passages.size(), passages.toString());
    assertEquals(Holder.CUSTOMER, passages.get(0).holder(), "the Who cell overrides the section");
    assertEquals("1: Update the widget date Two months ahead Keep it current.", passages.get(0).text(),
        "the side is the row's holder, not its words");
    assertEquals("Who: Partner/Customer", passages.get(0).context());
    assertEquals(Holder.MICROSOFT, passages.get(1).holder(), "a row missing a cell still names its side");
    assertEquals(Holder.MICROSOFT, passages.get(2).holder(), "both sides named: the section tells");
    assertTrue(passages.get(2).text().contains("together with the project team"), passages.get(2).text());
    assertTrue(passages.get(3).text().contains("Customer/Partner runs the cutover."), "a sentence is not a side name");
    assertEquals(Holder.NONE, TableSides.sideOf("Depends on the project"));
    assertEquals(Holder.CUSTOMER, TableSides.sideOf("Customer and implementation partner"));
  }

  @Test
  void aResponsibilityMatrixsMarksSayWhoseEachRowIs() {
    String md = """
        ---
        title: Widget service roles
        ---
        # Roles and responsibilities

        | Task | Your responsibility | Widget Service |
        | --- | :---: | :---: |
        | Review the prerequisites | :heavy_check_mark: | :x: |
        | Monitor update signals<ul><li>Early signals</li><li>Reliability signals</li></ul> | :x: | ✔️ |
        | Raise support requests | Yes | Yes |

        | Capability | Cloud-hosted | Image |
        | --- | --- | --- |
        | Public URL | ✓ | Not supported |
        """;
    List<Passage> passages = new DocumentParser().parse("roles.md", md, null, "2024-07-08").passages();
    assertEquals(List.of("Review the prerequisites", "Monitor update signals; Early signals; Reliability signals",
        "Raise support requests", "Public URL: ✓ Not supported"), passages.stream().map(Passage::text).toList(),
        "the marks are not what a row says; a list in a cell is its pieces");
    assertEquals(Holder.CUSTOMER, passages.get(0).holder(), "a check under the customer's column");
    assertEquals("Your responsibility: yes; Widget Service: no", passages.get(0).context());
    assertEquals(Holder.MICROSOFT, passages.get(1).holder(), "the only other column is the provider's");
    assertEquals(Holder.NONE, passages.get(2).holder(), "both sides checked: the section tells, and it names none");
    assertEquals(Holder.NONE, passages.get(3).holder(), "columns that name no side are no matrix");
  }

  @Test
  void bulletsNestedUnderAnExcludingLeadInAreExcludedToo() {
    String md = """
        ---
        title: Widget onboarding
        ---
        # Capabilities

        The following is out of scope:

        - On-site support.
        - Onboarding the following agents:
          - Widget Server 2008.
          - Linux.

        We provide guidance with:

        - Onboarding the following agents:
          - Widget Server 2016.
        """;
    List<Passage> passages = new DocumentParser().parse("widgets.md", md, null, "2021-06-01").passages();
    List<String> texts = passages.stream().map(Passage::text).toList();
    assertEquals(List.of(Polarity.OUT_OF_SCOPE, Polarity.OUT_OF_SCOPE, Polarity.OUT_OF_SCOPE, Polarity.OUT_OF_SCOPE,
            Polarity.NONE, Polarity.NONE), passages.stream().filter(p -> p.kind() == PassageKind.BULLET)
            .map(p -> p.statements().get(0).polarity()).toList(), texts.toString());
  }

  @Test
  void aShortClauseRightAboveAListIsItsLeadInWithoutAColon() {
    String md = """
        ---
        title: Widget support
        ---
        # Support levels

        Basic support includes
        - Requests to restart widget nodes.

        Basic support doesn't include
        - Root cause analysis of widget failures.

        Basic support is what every widget gets, and it ends when the version retires
        - Widget tuning.
        """;
    List<Passage> bullets = new DocumentParser().parse("widgets.md", md, null, "2021-06-01").passages().stream()
        .filter(p -> p.kind() == PassageKind.BULLET).toList();
    assertEquals(List.of(Polarity.NONE, Polarity.NOT_INCLUDED, Polarity.NONE),
        bullets.stream().map(p -> p.statements().get(0).polarity()).toList(),
        bullets.stream().map(Passage::text).toList().toString());
    assertEquals(StatementKind.GRANT, bullets.get(0).statements().get(0).kind(), "read with \"… includes\"");
    assertEquals("", bullets.get(2).context(), "a whole sentence above a list is no lead-in");
  }

  @Test
  void whatAHeadingCallsUnsupportedIsNotSupported() {
    String md = """
        ---
        title: Widget gateway support
        ---
        # Support policies

        ### Supported versions

        * The last major version and the last three minor releases.

        ### Unsupported versions

        * Container images with the `beta` tag.
        * Any version with the `preview` suffix.

        ### Details about unsupported scenarios

        * Microsoft Support can advise on gateway tuning.
        """;
    List<Passage> passages = new DocumentParser().parse("gateway.md", md, null, "2024-09-25").passages();
    assertEquals(List.of(Polarity.NONE, Polarity.NOT_SUPPORTED, Polarity.NOT_SUPPORTED, Polarity.NONE),
        passages.stream().map(p -> p.statements().get(0).polarity()).toList(),
        "a heading about unsupported scenarios is no label of them");
  }

  @Test
  void aGridOfSidesIsOneStatementACellWhoseSideItNamesForItsColumnsPart() {
    String md = """
        ---
        title: Widget service operations
        ---
        # Balance of responsibility

        Responsibility | Widget service | On-premises servers | Custom software
        ----- | ----- | ----- | -----
        Apply security updates | Microsoft | Customer | Customer
        Communicate about new features | Both | Both | Customer
        Package for deployment | Microsoft | Depends on the release | Customer

        | Task | Owner | Notes |
        | --- | --- | --- |
        | Approve the plan | Customer | Weekly |
        """;
    List<Passage> passages = new DocumentParser().parse("ops.md", md, null, "2018-12-18").passages();
    assertEquals(List.of(
            "Apply security updates \u2014 Widget service: Microsoft",
            "Apply security updates \u2014 On-premises servers: Customer",
            "Apply security updates \u2014 Custom software: Customer",
            "Communicate about new features \u2014 Widget service: Both",
            "Communicate about new features \u2014 On-premises servers: Both",
            "Communicate about new features \u2014 Custom software: Customer",
            "Package for deployment: Microsoft Depends on the release Customer",
            "Approve the plan: Weekly"),
        passages.stream().map(Passage::text).toList(), "a cell that is not a side leaves its row one text");
    assertEquals(List.of(Holder.MICROSOFT, Holder.CUSTOMER, Holder.CUSTOMER, Holder.NONE, Holder.NONE,
            Holder.CUSTOMER, Holder.NONE, Holder.CUSTOMER),
        passages.stream().map(Passage::holder).toList(), "the first column names the rows, it is no Who column");
    Statement both = passages.get(3).statements().get(0);
    assertTrue(both.joint(), "\"Both\" gives the work to the two sides together");
    assertFalse(passages.get(0).statements().get(0).joint());
  }

  @Test
  void aGridCellNamesItsSideAmidTheSymbolsOfALegend() {
    String md = """
        ---
        title: Widget service support
        ---
        # Division of responsibility

        | Responsibility area | Self-managed | Widget service |
        |---|:--|:--|
        | Physical hosts | \uD83D\uDD35 Customer | \uD83D\uDFE2 Microsoft |
        | Node patching | \uD83D\uDD35 Customer | \uD83D\uDFE3 Shared |
        | Your own network plugin | \uD83D\uDD35 Customer | \uD83D\uDD35 Customer \u26A0\uFE0F Unsupported |
        """;
    List<Passage> passages = new DocumentParser().parse("support.md", md, null, "2026-08-27").passages();
    assertEquals(List.of(Holder.CUSTOMER, Holder.MICROSOFT, Holder.CUSTOMER, Holder.NONE, Holder.CUSTOMER,
            Holder.CUSTOMER), passages.stream().map(Passage::holder).toList(),
        "a coloured mark before the side and a flagged note after it are no part of its name");
    assertEquals("Your own network plugin \u2014 Widget service: \uD83D\uDD35 Customer \u26A0\uFE0F Unsupported",
        passages.get(5).text(), "the cell's note stays in its words");
    assertTrue(passages.get(3).statements().get(0).joint(), "\"Shared\" gives the work to the two sides together");
  }

  @Test
  void theWordsUnderAColumnThatNamesASideAreThatSides() {
    String md = """
        ---
        title: Widget service operations
        ---
        # Standard operating procedures

        Categories | Microsoft will | Customer will
        --- | --- | ---
        Device groups | - Manage the membership of devices.<br>- Release updates to devices. | - Request a change.<br>- Not add or remove devices.
        Service accounts | Store the credentials. | :x:
        """;
    List<Passage> passages = new DocumentParser().parse("ops.md", md, null, "2018-12-18").passages();
    assertEquals(List.of("Manage the membership of devices.", "Release updates to devices.", "Request a change.",
            "Not add or remove devices.", "Store the credentials."),
        passages.stream().map(Passage::text).toList(), "each side's pieces as written; the label alone is no statement");
    assertEquals(List.of(Holder.MICROSOFT, Holder.MICROSOFT, Holder.CUSTOMER, Holder.CUSTOMER, Holder.MICROSOFT),
        passages.stream().map(Passage::holder).toList());
    assertEquals("Device groups \u2014 Customer will", passages.get(2).context());
  }

  @Test
  void anHtmlTableIsReadAsItsRowsAndColumnsSay() {
    String md = """
        ---
        title: Widget process
        ---
        # Widget process

        <table>
        <thead>
        <tr>
        <th><strong>Phases</strong></th>
        <th><strong>FastTrack responsibilities</strong></th>
        <th><strong>Customer responsibilities</strong></th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td><strong>General</strong></td>
        <td><ul>
        <li>  Provide remote guidance on widget planning.  </li>
        </ul></td>
        <td><ul>
        <li>  Provide overall project management, including:
        <ul>
        <li>  Assigning a widget project manager.  </li>
        </ul></li>
        <li>  Activate widget devices.  </li>
        </ul>

        <strong>The following is out of scope</strong>
        <ul>
        <li>Custom widget gateways.</li>
        </ul></td>
        </tr>
        </tbody>
        </table>

        ## After the table

        - Widget reports are sent monthly.
        """;
    List<Passage> passages = new DocumentParser().parse("widgets.md", md, null, "2020-01-01").passages();
    Passage guidance = find(passages, "Provide remote guidance on widget planning.");
    assertEquals(Holder.MICROSOFT, guidance.holder(), "the column header names the side");
    assertEquals(List.of("Widget process", "General \u2014 FastTrack responsibilities"), guidance.section());
    assertEquals(18, guidance.line(), "cited at the line of its <li>");
    Passage nested = find(passages, "Assigning a widget project manager.");
    assertEquals(Holder.CUSTOMER, nested.holder());
    assertTrue(nested.text().startsWith("Provide overall project management, including:"), nested.text());
    assertEquals(23, nested.line());
    Passage excluded = find(passages, "Custom widget gateways.");
    assertEquals(Polarity.OUT_OF_SCOPE, excluded.polarity(), "a bold label above a list is its lead-in");
    Passage after = find(passages, "Widget reports are sent monthly.");
    assertEquals(38, after.line(), "the lines after the table keep their numbers");
    assertEquals(List.of("Widget process", "After the table"), after.section());
  }

  @Test
  void aParagraphOfItsOwnRightAboveAListInATableCellIsItsLeadIn() {
    String md = """
        # Widget desktop

        <table><tr><td>Widget desktop</td>
        <td><p>You work with FastTrack Specialists to:</p>
        <ul>
        <li><p>Deploy widget images.</p></li>
        </ul>
        <p><strong>The following is out of scope</strong></p>
        <ul>
        <li><p>Custom widget images.</p></li>
        </ul>
        <p>Contact a partner for these services.</p></td></tr></table>
        """;
    List<Passage> passages = new DocumentParser().parse("widgets.md", md, null, "2020-01-01").passages();
    assertEquals(Polarity.OUT_OF_SCOPE, find(passages, "Custom widget images.").polarity());
    assertEquals(Polarity.NONE, find(passages, "Deploy widget images.").polarity());
    assertTrue(passages.stream().noneMatch(p -> p.text().strip().equals(":")), "no label made of white space");
  }

  @Test
  void anHtmlTableNeverClosedEndsAtTheNextHeading() {
    String md = "# Widgets\n\n<table><tr><td>Setup</td><td><ul><li>Configure widgets.\n\n"
        + "## Later\n\n- Widget audits are yearly.\n";
    List<Passage> passages = new DocumentParser().parse("widgets.md", md, null, "2020-01-01").passages();
    assertEquals(List.of("Widgets", "Setup"), find(passages, "Configure widgets.").section());
    assertEquals(List.of("Widgets", "Later"), find(passages, "Widget audits are yearly.").section());
    assertEquals("# Plain\n\n- No tables here.\n", HtmlBlocks.toMarkdown("# Plain\n\n- No tables here.\n"));
  }

  @Test
  void whatFollowsAnHtmlTableIsBackInTheSectionAroundIt() {
    String md = "# Widgets\n\n## Customer responsibilities\n\n<table><tr><th>Phase</th><th>Microsoft</th></tr>\n"
        + "<tr><td>Setup</td><td><ul><li>Configure widgets.</li></ul></td></tr>\n</table>\n\n"
        + "- Widget audits are yours.\n";
    List<Passage> passages = new DocumentParser().parse("widgets.md", md, null, "2020-01-01").passages();
    assertEquals(List.of("Widgets", "Customer responsibilities", "Setup \u2014 Microsoft"),
        find(passages, "Configure widgets.").section());
    Passage after = find(passages, "Widget audits are yours.");
    assertEquals(List.of("Widgets", "Customer responsibilities"), after.section());
    assertEquals(Holder.CUSTOMER, after.holder());
  }

  @Test
  void htmlInCodeOrInTheMiddleOfALineIsNotATable() {
    String fenced = "# Widgets\n\n```\n<table><tr><td>a</td><td>b</td></tr>\n```\n\n- Widget audits are yearly.\n";
    assertEquals(fenced, HtmlBlocks.toMarkdown(fenced));
    String inline = "# Widgets\n\nWrite `<table>` to start a table.\n\n- Widget audits are yearly.\n";
    assertEquals(inline, HtmlBlocks.toMarkdown(inline));
  }

  private static Passage find(List<Passage> passages, String text) {
    return passages.stream().filter(p -> p.text().contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError(text + " not in " + passages.stream().map(Passage::text).toList()));
  }
}
