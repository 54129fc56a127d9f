package com.scopebot.service;

import com.scopebot.records.AnswerStore;
import com.scopebot.records.RecordWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A corpus folder whose one document gets a second revision: in it, AD FS for multiple forests goes from supported to
 * out of scope, the test devices lose their limit, and DNS stays as it was.
 */
public final class TwoRevisions {

  public static final String FLIPPED = "Is AD FS covered for multiple forests?";
  public static final String REWORDED = "Is enrolling test devices to Intune in scope?";
  public static final String UNCHANGED = "Is configuring DNS for eligible services in scope?";
  public static final String ADFS_BEFORE = "AD FS deployments for multiple forests are supported.";
  public static final String ADFS_AFTER = "AD FS deployments for multiple forests are out of scope.";

  private TwoRevisions() {}

  /** Writes the first revision into a new folder. */
  public static Path first(Path dir) throws IOException {
    Files.createDirectories(dir);
    revision(dir, "responsibilities-2018-03.md", "03/09/2018", """
        ## Enable phase

        - %s
        - Enrolling up to two test devices of each supported platform to your Intune service.
        - Configuring DNS for eligible services.
        """.formatted(ADFS_BEFORE));
    return dir;
  }

  /** Adds the second revision. */
  public static void second(Path dir) throws IOException {
    revision(dir, "responsibilities-2018-12.md", "12/04/2018", """
        ## Enable phase

        - %s
        - Enrolling devices of each supported platform to your Intune service.
        - Configuring DNS for eligible services.
        """.formatted(ADFS_AFTER));
  }

  /**
   * A corpus and a data folder under {@code dir} in which the AD FS question (its id returned) and the DNS one were
   * asked of the first revision, the second was indexed, and the answers it changed were answered again.
   */
  public static String answeredAgain(Path dir) throws Exception {
    Path corpus = first(dir.resolve("corpus"));
    LiveIndex index = new LiveIndex(corpus, null);
    index.reload();
    try (AnswerStore store = AnswerStore.sqlite(dir.resolve("data"), "salt")) {
      RecordWriter writer = new RecordWriter(store, 5_000);
      AnswerService service = new AnswerService(index, writer, new ScopeMetrics(), Clock.systemUTC());
      String id = service.ask(FLIPPED, "web", null).id();
      service.ask(UNCHANGED, "web", null);
      writer.close();
      second(corpus);
      index.reload();
      new Reanswering(index, store, null, service::answerLink, 10, Clock.systemUTC()).run();
      return id;
    }
  }

  private static void revision(Path dir, String file, String date, String body) throws IOException {
    Files.writeString(dir.resolve(file), "---\ntitle: FastTrack responsibilities\nms.date: " + date
        + "\nms.assetid: 0000-responsibilities\n---\n# FastTrack responsibilities\n\n" + body);
  }
}
