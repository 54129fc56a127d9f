package com.scopebot.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's binaries, for tests: one per test JVM, started on first use and
 * stopped by a shutdown hook. It listens on 127.0.0.1 only, on a free port, with its unix socket in its own folder;
 * {@code fsync=off}, since the tests kill our process, never the machine. Each test takes a database of its own
 * ({@link #createDatabase()}).
 *
 * <p>{@link #restart()}, {@link #pause()} and {@link #resume()} are the faults the store must survive. Every wait is
 * bounded, so a cluster that misbehaves fails a test instead of hanging the build. Thread-safe.
 */
public final class PostgresCluster {

  /** Longest any pg_ctl or initdb call may take on a loaded machine. */
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

  private static PostgresCluster shared;

  private final Path bin;
  private final Path base;
  private final Path data;
  private final int port;
  /** Debian's initdb and postgres refuse to run as root: then they run as the {@code postgres} user. */
  private final boolean asPostgresUser;
  private final AtomicInteger databases = new AtomicInteger();
  private boolean paused;
  private boolean stopped;

  private PostgresCluster(Path bin, Path base, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.base = base;
    this.data = base.resolve("data");
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The cluster of this test JVM, started on first call. */
  public static synchronized PostgresCluster shared() {
    if (shared == null) {
      PostgresCluster started = start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::stopQuietly, "postgres-cluster-stop"));
      shared = started;
    }
    return shared;
  }

  private static PostgresCluster start() {
    Path bin = binaries().orElseThrow(() -> new IllegalStateException("PostgreSQL's server binaries (initdb, pg_ctl,"
        + " postgres) are neither under " + DEBIAN_ROOT + "/*/bin nor on PATH: install Debian's package postgresql"
        + " (apt-get install postgresql), or run the tests through .ci/run, which installs it"));
    boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    try {
      Path base = Files.createTempDirectory("scopebot-pg-");
      if (root) {
        // initdb and the server run as postgres: that user must own the folder they write in
        try {
          Files.setOwner(base, base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
          throw new IllegalStateException("the tests run as root, so PostgreSQL must run as the postgres user, and this"
              + " machine has none: install Debian's package postgresql (it creates the user), or run .ci/run", e);
        }
      }
      PostgresCluster c = new PostgresCluster(bin, base, freePort(), root);
      c.initAndStart();
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the PostgreSQL cluster's folder: " + e.getMessage(), e);
    }
  }

  /** The newest {@code /usr/lib/postgresql/<version>/bin} holding initdb, else the folder of initdb on PATH. */
  static Optional<Path> binaries() {
    if (Files.isDirectory(DEBIAN_ROOT)) {
      try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
        Optional<Path> newest = versions
            .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
            .filter(v -> Files.isExecutable(v.resolve("bin/initdb")) && Files.isExecutable(v.resolve("bin/postgres")))
            .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())));
        if (newest.isPresent()) {
          return Optional.of(newest.get().resolve("bin"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path initdb = Path.of(dir.isEmpty() ? "." : dir, "initdb");
      if (Files.isExecutable(initdb)) {
        try {
          // pg_ctl looks for postgres beside itself: a symlink on PATH must lead back to the real folder
          Path real = initdb.toRealPath().getParent();
          if (Files.isExecutable(real.resolve("pg_ctl")) && Files.isExecutable(real.resolve("postgres"))) {
            return Optional.of(real);
          }
        } catch (IOException e) {
          // a dangling link: look further along PATH
        }
      }
    }
    return Optional.empty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void initAndStart() throws IOException {
    run("initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C",
        "--no-sync");
    String settings = String.join("\n",
        "listen_addresses = '127.0.0.1'",
        "port = " + port,
        "unix_socket_directories = '" + base + "'",
        // the tests kill our process, never the machine: durability against power loss buys nothing here
        "fsync = off",
        "full_page_writes = off",
        "max_connections = 100",
        "shared_buffers = 16MB",
        "logging_collector = off",
        "");
    Path conf = data.resolve("postgresql.conf");
    // in postgresql.conf rather than on pg_ctl's command line, so a restart keeps them (root may append to a file
    // the postgres user owns; it stays that user's)
    Files.writeString(conf, settings, java.nio.file.StandardOpenOption.APPEND);
    run("pg_ctl", "-D", data.toString(), "-l", base.resolve("server.log").toString(), "-w", "-t", "30", "start");
    awaitConnections();
  }

  /** A JDBC URL of a database of this cluster, as the server is given it ({@code SCOPEBOT_JDBC_URL}). */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  public int port() {
    return port;
  }

  /** A fresh, empty database; its name. */
  public String createDatabase() {
    String name = "scopebot_test_" + databases.incrementAndGet();
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return name;
  }

  /** Restarts the server ({@code pg_ctl restart -m fast}): every connection is cut; returns once it accepts again. */
  public synchronized void restart() {
    requireRunning();
    run("pg_ctl", "-D", data.toString(), "-l", base.resolve("server.log").toString(), "-m", "fast", "-w", "-t", "30",
        "restart");
    awaitConnections();
  }

  /**
   * Freezes the server: SIGSTOP to the postmaster and every backend, so open connections stop answering and new ones
   * are never accepted, as when the database host hangs. {@link #resume()} undoes it.
   */
  public synchronized void pause() {
    requireRunning();
    long postmaster = postmasterPid();
    // the postmaster first, so it forks no backend that would escape the signal
    signal("STOP", List.of(postmaster));
    signal("STOP", children(postmaster));
    paused = true;
  }

  /** Wakes a paused server: SIGCONT to the backends, then the postmaster. */
  public synchronized void resume() {
    if (!paused) {
      return;
    }
    long postmaster = postmasterPid();
    signal("CONT", children(postmaster));
    signal("CONT", List.of(postmaster));
    paused = false;
  }

  /** Stops the server at once and deletes its files. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    resume();
    try {
      run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop");
    } finally {
      stopped = true;
      deleteQuietly();
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      System.err.println("stopping the test PostgreSQL cluster failed: " + e.getMessage());
    }
  }

  private void requireRunning() {
    if (stopped) {
      throw new IllegalStateException("the PostgreSQL cluster in " + base + " is stopped");
    }
  }

  private Connection admin() throws SQLException {
    // bounded: a paused or restarting server fails this within seconds rather than hanging the test
    return DriverManager.getConnection(jdbcUrl("postgres") + "&connectTimeout=5&socketTimeout=15&loginTimeout=5");
  }

  /** Waits (30 s at most) until a connection succeeds. */
  private void awaitConnections() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (Connection c = admin(); Statement s = c.createStatement()) {
        s.execute("SELECT 1");
        return;
      } catch (SQLException e) {
        last = e;
      }
      sleep(100);
    }
    throw new IllegalStateException("PostgreSQL on port " + port + " accepted no connection within 30 s: "
        + (last == null ? "" : last.getMessage()) + "\n" + serverLog());
  }

  private long postmasterPid() {
    try {
      // postmaster.pid: the pid on its first line
      return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the postmaster's pid in " + data + ": " + e, e);
    }
  }

  private static List<Long> children(long pid) {
    return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid).toList();
  }

  private void signal(String signal, List<Long> pids) {
    if (pids.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    pids.forEach(p -> command.add(String.valueOf(p)));
    // root may signal the postgres user's processes; kill runs as us
    exec(command, Duration.ofSeconds(10));
  }

  /** Runs one of the cluster's programs, as the postgres user when we are root. */
  private void run(String program, String... args) {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(Arrays.asList(args));
    exec(command, COMMAND_TIMEOUT);
  }

  private void exec(List<String> command, Duration timeout) {
    try {
      Path out = Files.createTempFile("scopebot-pg-cmd-", ".log");
      try {
        // output to a file: pg_ctl's server keeps a pipe open long after pg_ctl exits
        Process p = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
            .redirectOutput(out.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " took more than " + timeout.toSeconds()
              + " s:\n" + Files.readString(out) + serverLog());
        }
        if (p.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n"
              + Files.readString(out) + serverLog());
        }
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  /** The server log's tail, for failure messages. */
  private String serverLog() {
    try {
      List<String> lines = Files.readAllLines(base.resolve("server.log"));
      List<String> tail = lines.subList(Math.max(0, lines.size() - 20), lines.size());
      return "server.log (last lines):\n" + String.join("\n", tail);
    } catch (IOException e) {
      return "";
    }
  }

  private void deleteQuietly() {
    try (Stream<Path> files = Files.walk(base)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp folder: the machine's cleanup takes it
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
    }
  }
}
