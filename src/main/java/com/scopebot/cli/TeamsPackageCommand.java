package com.scopebot.cli;

import com.scopebot.channel.teams.TeamsPackage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code teams-package}: the Teams app zip to sideload, with the bot's app id filled in. */
@Command(name = "teams-package", description = {
    "Writes the Teams app package (manifest.json and icons) to upload as a custom app.",
    "The app id comes from --app-id, else MICROSOFT_APP_ID."})
final class TeamsPackageCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "FILE", description = "Zip to write (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("scopebot-teams.zip");

  @Option(names = "--dir", paramLabel = "DIR", description = "Folder of manifest.json and icons (default: ${DEFAULT-VALUE}).")
  Path dir = Path.of("manifests/teams");

  @Option(names = "--app-id", paramLabel = "GUID", description = "The bot's Microsoft app id (default: MICROSOFT_APP_ID).")
  String appId;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String id = appId != null ? appId : System.getenv("MICROSOFT_APP_ID");
    if (id == null || id.isBlank()) {
      spec.commandLine().getErr().println("error: set MICROSOFT_APP_ID or pass --app-id");
      return 2;
    }
    try {
      TeamsPackage.write(dir, id.strip(), out);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    spec.commandLine().getOut().println("wrote " + out + " for app " + id.strip());
    return 0;
  }
}
