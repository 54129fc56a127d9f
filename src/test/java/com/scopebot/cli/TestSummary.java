package com.scopebot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The build's last line: how many tests ran, failed, erred and were skipped, summed over the surefire and failsafe
 * reports this build wrote. {@code mvn -q} hides the test plugins' own counts; this line shows even then.
 *
 * <p>It only reports: the test plugins fail the build when a test fails, before the build gets here. Public: the
 * exec plugin runs it.
 */
public final class TestSummary {

  /** Counts of one report or of several; {@code run} includes the others, as the reports count. */
  record Counts(int run, int failed, int errors, int skipped) {
    Counts plus(Counts o) {
      return new Counts(run + o.run, failed + o.failed, errors + o.errors, skipped + o.skipped);
    }

    @Override
    public String toString() {
      return "Tests: " + run + " run, " + failed + " failed, " + errors + " errors, " + skipped + " skipped";
    }
  }

  private TestSummary() {}

  /** {@code SINCE DIR...}: SINCE is the build's start (ISO-8601); reports older than it are another build's. */
  public static void main(String[] args) throws IOException, XMLStreamException {
    Instant since = Instant.parse(args[0]);
    Counts total = new Counts(0, 0, 0, 0);
    for (int i = 1; i < args.length; i++) {
      total = total.plus(sum(Path.of(args[i]), since));
    }
    System.out.println(total);
  }

  /** The counts of a folder's {@code TEST-*.xml} reports written since a time; none when the folder is absent. */
  static Counts sum(Path dir, Instant since) throws IOException, XMLStreamException {
    Counts total = new Counts(0, 0, 0, 0);
    if (!Files.isDirectory(dir)) {
      return total;
    }
    List<Path> reports;
    try (Stream<Path> files = Files.list(dir)) {
      reports = files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
    }
    for (Path report : reports) {
      // a test class renamed or left out of this run (-Dtest=...) leaves an older report behind
      if (!Files.getLastModifiedTime(report).toInstant().isBefore(since)) {
        total = total.plus(counts(report));
      }
    }
    return total;
  }

  /** The counts on a report's root {@code <testsuite>}; the rest of the file (test output) is not read. */
  static Counts counts(Path report) throws IOException, XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    try (InputStream in = Files.newInputStream(report)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        xml.nextTag();
        return new Counts(number(xml, "tests"), number(xml, "failures"), number(xml, "errors"),
            number(xml, "skipped"));
      } finally {
        xml.close();
      }
    }
  }

  private static int number(XMLStreamReader xml, String attribute) {
    String v = xml.getAttributeValue(null, attribute);
    return v == null || v.isBlank() ? 0 : Integer.parseInt(v.trim());
  }
}
