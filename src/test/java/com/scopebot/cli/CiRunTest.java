package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ci/run}, README's test command: installs what the tests need, as root or through sudo, only when it is
 * missing, then runs {@code mvn -B -q verify}. Run against stand-ins for id, sudo, apt-get and mvn that write down
 * how they were called, on a PATH holding nothing else, and an empty stand-in for {@code /usr/lib/postgresql}.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CiRunTest {

  private static final Path SCRIPT = Path.of(".ci", "run").toAbsolutePath();
  private static final Path REPO = SCRIPT.getParent().getParent();

  @TempDir Path bin;
  @TempDir Path elsewhere;
  @TempDir Path postgresqlLib;
  private Path log;

  record Run(int exit, List<String> calls, String err) {}

  @BeforeEach
  void standIns() throws Exception {
    log = elsewhere.resolve("calls.log");
    Files.createFile(log);
    for (String tool : List.of("dirname", "env")) {
      Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
    }
    tool("id", "echo \"$FAKE_UID\"");
    tool("apt-get", "echo \"apt-get $*\" >> \"$LOG\"");
    tool("mvn", "echo \"mvn $* in $PWD\" >> \"$LOG\"; exit \"${FAKE_MVN_EXIT:-0}\"");
  }

  private void tool(String name, String body) throws Exception {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private void sudo() throws Exception {
    tool("sudo", "echo \"sudo $*\" >> \"$LOG\"; exec \"$@\"");
  }

  private void installed(String... commands) throws Exception {
    for (String command : commands) {
      tool(command, "exit 0");
    }
  }

  /** Debian's postgresql package: server binaries under its own folder, not on PATH. */
  private void postgresqlInstalled() throws Exception {
    Path versionBin = Files.createDirectories(postgresqlLib.resolve("15").resolve("bin"));
    Files.writeString(versionBin.resolve("initdb"), "#!/bin/bash\nexit 0\n");
    Files.setPosixFilePermissions(versionBin.resolve("initdb"), PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Run run(int uid, Map<String, String> extra) throws Exception {
    // started from another folder: the script finds the repository itself
    ProcessBuilder b = new ProcessBuilder("/bin/bash", SCRIPT.toString()).directory(elsewhere.toFile());
    b.environment().clear();
    b.environment().putAll(Map.of("PATH", bin.toString(), "LOG", log.toString(), "FAKE_UID", String.valueOf(uid),
        "POSTGRESQL_LIB", postgresqlLib.toString()));
    b.environment().putAll(extra);
    Process p = b.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return new Run(p.exitValue(), Files.readAllLines(log), err);
  }

  private static String verify() {
    return "mvn -B -q verify in " + REPO;
  }

  @Test
  void runsEveryTestAndInstallsNothingWhenChromiumItsDriverAndPostgresqlAreThere() throws Exception {
    installed("chromium", "chromedriver");
    postgresqlInstalled();
    sudo();
    Run r = run(1000, Map.of());
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(verify()), r.calls());
  }

  @Test
  void installsAsRootWithoutSudo() throws Exception {
    Run r = run(0, Map.of());
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("apt-get update -q",
        "apt-get install -y -q --no-install-recommends chromium chromium-driver postgresql", verify()), r.calls());
  }

  @Test
  void installsPostgresqlWhenItsServerBinariesAreMissing() throws Exception {
    installed("chromium", "chromedriver", "psql"); // the client alone does not start a cluster
    Run r = run(0, Map.of());
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("apt-get update -q", "apt-get install -y -q --no-install-recommends postgresql", verify()),
        r.calls());
  }

  @Test
  void takesInitdbOnThePathForAnInstalledPostgresql() throws Exception {
    installed("chromium", "chromedriver", "initdb");
    Run r = run(0, Map.of());
    assertEquals(List.of(verify()), r.calls());
  }

  @Test
  void installsThroughSudoForAnotherUser() throws Exception {
    sudo();
    Run r = run(1000, Map.of());
    assertEquals(0, r.exit(), r.err());
    List<String> sudoCalls = new ArrayList<>(r.calls());
    sudoCalls.removeIf(c -> !c.startsWith("sudo "));
    assertEquals(List.of("sudo apt-get update -q", "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q"
        + " --no-install-recommends chromium chromium-driver postgresql"), sudoCalls);
    assertEquals(verify(), r.calls().get(r.calls().size() - 1));
  }

  @Test
  void installsOnlyWhatIsMissing() throws Exception {
    installed("chromium");
    postgresqlInstalled();
    Run r = run(0, Map.of());
    assertEquals(List.of("apt-get update -q", "apt-get install -y -q --no-install-recommends chromium-driver",
        verify()), r.calls());
  }

  @Test
  void saysWhatToDoWhenItMayNotInstall() throws Exception {
    Run r = run(1000, Map.of());
    assertEquals(1, r.exit());
    assertEquals(List.of(), r.calls(), "nothing is installed and no test runs");
    assertTrue(r.err().contains("the tests need chromium chromium-driver postgresql: run " + SCRIPT + " as root or"
        + " as a user who may sudo, or install them (apt-get install chromium chromium-driver postgresql)"), r.err());
  }

  @Test
  void saysWhatToInstallOnAMachineWithoutAptGet() throws Exception {
    Files.delete(bin.resolve("apt-get"));
    Run r = run(0, Map.of());
    assertEquals(1, r.exit());
    assertEquals(List.of(), r.calls());
    assertTrue(r.err().contains("the tests need chromium chromium-driver postgresql (Debian packages) and this"
        + " machine has no apt-get: install them, then run " + SCRIPT + " again"), r.err());
  }

  @Test
  void failsWhenATestFails() throws Exception {
    installed("chromium", "chromedriver");
    postgresqlInstalled();
    Run r = run(1000, Map.of("FAKE_MVN_EXIT", "1"));
    assertEquals(1, r.exit());
    assertEquals(List.of(verify()), r.calls());
  }
}
