import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The capacity figure of issue #11, against one running server: requests per second and latency of {@code GET /healthz},
 * then of {@code POST /api/ask} with questions nobody asked before, at the same number of connections, and the ratio.
 *
 * <p>A single-file program using only the JDK, so it runs without a build step:
 *
 * <pre>
 *   java src/test/load/Capacity.java http://127.0.0.1:3978/ [--seconds 20] [--warmup 5] [--connections 64]
 *       [--runs 1] [--repeated] [--seed N]
 * </pre>
 *
 * <p>{@code --runs N} measures the same server N times: the JIT compiles for a minute or more of this load, so the
 * later runs give the warmed-up figure. With the bot on the class path, {@code --engine} answers the same kind of
 * questions in this process, without HTTP, JSON or records, on one thread and on one thread per core:
 *
 * <pre>
 *   java -cp target/scopebot.jar src/test/load/Capacity.java --engine [--seconds 20] [--warmup 5] [--runs 1]
 * </pre>
 *
 * <p>Each connection is one thread with a keep-alive socket sending the next request when the last response has been
 * read (a closed loop, as wrk does). The questions are real question shapes ("Who is responsible for …?", "Customer
 * claims FastTrack promised …. True?") combined with subjects, conditions, sizes, openings and typos; each index of the
 * sequence gives a different combination (5 million in all) and a run starts at a random place in it, so no question
 * repeats within a run; two runs of 30,000 questions share some with a chance of about one in a hundred, and the
 * server's answer cache keeps only the last 10,000 anyway. {@code --repeated} adds a third measurement with 16
 * questions in turn (what the answer cache serves).
 */
public final class Capacity {

  public static void main(String[] args) throws Exception {
    URI base = URI.create("http://127.0.0.1:3978/");
    int seconds = 20;
    int warmup = 5;
    int connections = 64;
    boolean repeated = false;
    boolean engine = false;
    int runs = 1;
    long seed = System.nanoTime();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--repeated" -> repeated = true;
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--engine" -> engine = true;
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "-h", "--help" -> {
          System.out.println("usage: java src/test/load/Capacity.java [URL] [--seconds 20] [--warmup 5] "
              + "[--connections 64] [--runs 1] [--repeated] [--seed N]\n"
              + "       java -cp target/scopebot.jar src/test/load/Capacity.java --engine [--seconds 20] [--warmup 5] "
              + "[--runs 1] [--seed N]");
          return;
        }
        default -> base = URI.create(args[i].endsWith("/") ? args[i] : args[i] + "/");
      }
    }
    Questions questions = new Questions(seed);
    if (engine) {
      engine(questions, seconds, warmup, runs);
      return;
    }
    for (int run = 1; run <= runs; run++) {
      if (runs > 1) {
        System.out.printf(Locale.ROOT, "%n== run %d of %d (the same server: later runs measure it warmed up)%n", run,
            runs);
      }
      measure(base, questions, seconds, warmup, connections, repeated);
    }
  }

  /**
   * The engine alone, in this process, on the same distinct questions: the answering cost without HTTP, JSON or
   * records, on one thread and then on one thread per core. Needs the bot on the class path ({@code -cp
   * target/scopebot.jar}); it is reached by reflection so that this file still runs with the JDK alone.
   */
  static void engine(Questions questions, int seconds, int warmup, int runs) throws Exception {
    Class<?> engineClass = Class.forName("com.scopebot.answer.Engine");
    Object answerer = engineClass.getMethod("load", java.nio.file.Path.class, java.nio.file.Path.class)
        .invoke(null, java.nio.file.Path.of("index-data/corpus"), java.nio.file.Path.of("index-data/synonyms.txt"));
    java.lang.reflect.Method answer = answerer.getClass().getMethod("answer", String.class);
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "the engine alone, %d s each after %d s of warm-up, %d cores%n", seconds, warmup,
        cores);
    for (int run = 1; run <= runs; run++) {
      for (int threads : new int[] {1, cores}) {
        answerFor(answer, answerer, questions, threads, warmup);
        long[] answered = answerFor(answer, answerer, questions, threads, seconds);
        System.out.printf(Locale.ROOT, "run %d, %d thread%s: %,d new questions, %,.0f a second, %.1f µs each per thread%n",
            run, threads, threads == 1 ? "" : "s", answered[0], answered[0] / (double) seconds,
            answered[1] / 1000.0 / answered[0]);
      }
    }
    if (questions.distinct() != questions.made()) {
      System.out.println("warning: " + (questions.made() - questions.distinct()) + " questions repeated");
    }
  }

  /** Answers new questions on some threads for a time: how many, and the threads' busy nanoseconds added up. */
  static long[] answerFor(java.lang.reflect.Method answer, Object answerer, Questions questions, int threads,
      int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong answered = new AtomicLong();
    AtomicLong busy = new AtomicLong();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        long n = 0;
        long started = System.nanoTime();
        while (System.nanoTime() < end) {
          String q = questions.next(); // thread-safe; making one costs about a microsecond, counted in
          try {
            answer.invoke(answerer, q);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
          n++;
        }
        busy.addAndGet(System.nanoTime() - started);
        answered.addAndGet(n);
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    return new long[] {answered.get(), busy.get()};
  }

  /** One measurement of /healthz, then of new questions (and repeated ones), on a running server. */
  static void measure(URI base, Questions questions, int seconds, int warmup, int connections, boolean repeated)
      throws Exception {
    String host = base.getHost();
    int port = base.getPort() < 0 ? 80 : base.getPort();

    byte[] health = get(host, port, "/healthz");
    LongFunction<byte[]> fresh = n -> askBody(host, port, questions.next());
    LongFunction<byte[]> again = n -> askBody(host, port, Questions.REPEATED[(int) (n % Questions.REPEATED.length)]);

    System.out.printf(Locale.ROOT, "capacity of %s: %d connections, %d s each after %d s of warm-up%n", base,
        connections, seconds, warmup);
    System.out.printf(Locale.ROOT, "machine: %d cores; load average %s (the server's own figure, from /metrics)%n",
        Runtime.getRuntime().availableProcessors(), metric(host, port, "system_load_average_1m"));
    System.out.printf(Locale.ROOT, "%-28s %9s %10s %8s %8s %8s %7s %10s %10s%n", "", "requests", "req/s", "p50 ms",
        "p99 ms", "max ms", "errors", "server CPU", "allocated");
    System.out.printf(Locale.ROOT, "%-28s %9s %10s %8s %8s %8s %7s %10s %10s%n", "", "", "", "", "", "", "",
        "ms/req", "KB/req");
    run(host, port, connections, warmup, n -> health);
    Result h = run(host, port, connections, seconds, n -> health);
    h.print("GET /healthz");
    run(host, port, connections, warmup, fresh);
    Result a = run(host, port, connections, seconds, fresh);
    a.print("POST /api/ask, new questions");
    Result r = null;
    if (repeated) {
      run(host, port, connections, warmup, again);
      r = run(host, port, connections, seconds, again);
      r.print("POST /api/ask, 16 repeated");
    }
    System.out.printf(Locale.ROOT, "load average at the end: %s%n", metric(host, port, "system_load_average_1m"));
    double ratio = a.rps() / h.rps();
    System.out.printf(Locale.ROOT, "new questions: %d answered in the measurement; %d asked in all (warm-up included), "
        + "%d of them distinct%n", a.nanos().length, questions.made(), questions.distinct());
    System.out.printf(Locale.ROOT, "ratio /api/ask (new) ÷ /healthz: %.3f; p99 %.1f ms — goal ≥ 0.10 with p99 < 50 ms: %s%n",
        ratio, a.p99Millis(), ratio >= 0.10 && a.p99Millis() < 50 ? "met" : "not met");
    if (r != null) {
      System.out.printf(Locale.ROOT, "ratio /api/ask (repeated) ÷ /healthz: %.3f%n", r.rps() / h.rps());
    }
    if (questions.distinct() != questions.made()) {
      System.out.println("warning: " + (questions.made() - questions.distinct()) + " questions repeated");
    }
  }

  /** Latencies of one measurement. */
  /**
   * @param cpuNanos CPU time the server process spent meanwhile (from its /metrics), or -1 when it does not say
   * @param allocated bytes the server allocated meanwhile, or -1
   */
  record Result(long[] nanos, long errors, double seconds, double cpuNanos, double allocated) {
    double rps() {
      return nanos.length / seconds;
    }

    double p99Millis() {
      return pct(99) / 1e6;
    }

    long pct(int p) {
      return nanos.length == 0 ? 0 : nanos[Math.min(nanos.length - 1, (int) Math.ceil(p / 100.0 * nanos.length) - 1)];
    }

    void print(String name) {
      int n = Math.max(1, nanos.length);
      System.out.printf(Locale.ROOT, "%-28s %9d %10.1f %8.2f %8.2f %8.2f %7d %10s %10s%n", name, nanos.length, rps(),
          pct(50) / 1e6, pct(99) / 1e6, nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6, errors,
          cpuNanos < 0 ? "-" : String.format(Locale.ROOT, "%.3f", cpuNanos / n / 1e6),
          allocated < 0 ? "-" : String.format(Locale.ROOT, "%.1f", allocated / n / 1024));
    }
  }

  /** Keeps every connection busy for the duration; only responses completed in time count. */
  static Result run(String host, int port, int connections, int seconds, LongFunction<byte[]> request)
      throws InterruptedException {
    double cpu0 = number(metric(host, port, "process_cpu_time_ns_total"));
    double allocated0 = number(metric(host, port, "jvm_gc_memory_allocated_bytes_total"));
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    AtomicLong sequence = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<long[]> perThread = new ArrayList<>();
    int[] counts = new int[connections];
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      int id = c;
      long[][] mine = {new long[1 << 12]};
      Thread t = new Thread(() -> {
        Connection conn = null;
        try {
          while (System.nanoTime() < end) {
            byte[] req = request.apply(sequence.getAndIncrement());
            long t0 = System.nanoTime();
            int status;
            try {
              if (conn == null) {
                conn = new Connection(host, port);
              }
              status = conn.exchange(req);
            } catch (IOException e) {
              status = -1;
              if (conn != null) {
                conn.close();
              }
              conn = null;
            }
            long t1 = System.nanoTime();
            if (t1 > end) {
              break;
            }
            if (status != 200) {
              errors.incrementAndGet();
              continue;
            }
            if (counts[id] == mine[0].length) {
              mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
            }
            mine[0][counts[id]++] = t1 - t0;
          }
        } finally {
          if (conn != null) {
            conn.close();
          }
          synchronized (perThread) {
            perThread.add(Arrays.copyOf(mine[0], counts[id]));
          }
          done.countDown();
        }
      }, "load-" + c);
      t.setDaemon(true);
      t.start();
    }
    done.await();
    double cpu = number(metric(host, port, "process_cpu_time_ns_total"));
    double allocated = number(metric(host, port, "jvm_gc_memory_allocated_bytes_total"));
    long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return new Result(all, errors.get(), seconds, cpu0 < 0 || cpu < 0 ? -1 : cpu - cpu0,
        allocated0 < 0 || allocated < 0 ? -1 : allocated - allocated0);
  }

  /**
   * The value of a metric in the server's Prometheus text (summed over its labels), or "-" when it has none. Read
   * between measurements, never during one.
   */
  static String metric(String host, int port, String name) {
    Connection c = null;
    try {
      c = new Connection(host, port);
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      if (c.exchange(get(host, port, "/metrics"), body) != 200) {
        return "-";
      }
      double sum = 0;
      boolean found = false;
      for (String line : body.toString(StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          found = true;
        }
      }
      return found ? String.format(Locale.ROOT, "%.2f", sum) : "-";
    } catch (IOException | RuntimeException e) {
      return "-";
    } finally {
      if (c != null) {
        c.close();
      }
    }
  }

  private static double number(String metric) {
    return metric.equals("-") ? -1 : Double.parseDouble(metric);
  }

  /** One keep-alive HTTP/1.1 connection. */
  static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(String host, int port) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = socket.getOutputStream();
    }

    /** Sends a request and reads its whole response; returns the status. */
    int exchange(byte[] request) throws IOException {
      return exchange(request, null);
    }

    /** The same, keeping the body when {@code body} is not null. */
    int exchange(byte[] request, java.io.ByteArrayOutputStream body) throws IOException {
      out.write(request);
      out.flush();
      String status = line();
      if (status == null || !status.startsWith("HTTP/1.1 ")) {
        throw new IOException("not an HTTP/1.1 response: " + status);
      }
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String h = line(); h != null && !h.isEmpty(); h = line()) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
          copy(size, body);
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else if (length > 0) {
        copy(length, body);
      }
      if (close) {
        throw new IOException("the server closed the connection");
      }
      return Integer.parseInt(status.substring(9, 12));
    }

    private void copy(long n, java.io.ByteArrayOutputStream body) throws IOException {
      if (body == null) {
        skip(n);
        return;
      }
      for (long i = 0; i < n; i++) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("response ended early");
        }
        body.write(b);
      }
    }

    private void skip(long n) throws IOException {
      for (long left = n; left > 0; ) {
        long s = in.skip(left);
        if (s <= 0) {
          if (in.read() < 0) {
            throw new IOException("response ended early");
          }
          s = 1;
        }
        left -= s;
      }
    }

    private String line() throws IOException {
      StringBuilder sb = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed");
        }
        if (b != '\r') {
          sb.append((char) b);
        }
      }
      return sb.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing after a failure: nothing more to do
      }
    }
  }

  static byte[] get(String host, int port, String path) {
    return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] askBody(String host, int port, String question) {
    byte[] body = ("{\"question\":\"" + question.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] head = ("POST /api/ask HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] req = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, req, head.length, body.length);
    return req;
  }

  /**
   * Questions nobody asked before: index n of the sequence is a combination of an opening, a question shape, a subject
   * (maybe with a typo), a condition and a size, and different indices give different combinations.
   */
  static final class Questions {

    static final String[] REPEATED = {
        "Is AD FS covered for multiple forests?", "Who is responsible for SSL certificates?",
        "Will FastTrack deploy AD FS for a single forest?", "Who configures DNS?",
        "How many SaaS applications with single sign-on does FastTrack integrate?",
        "Does FastTrack set up hybrid Azure AD join?", "Is ADFS coverd for multi forrest?",
        "Who activates the mobile devices?", "Does FastTrack integrate Mobile Threat Defense partners?",
        "What's the weather like today?", "Is Defender for Endpoint integration covered?",
        "Who maintains the test environment?", "Does FastTrack upgrade ConfigMgr?", "AD FS AND (",
        "Is password hash sync supported for multiple forests?", "Who handles helpdesk documentation and training?"};

    private static final String[] OPENINGS = {"", "hey team, ", "quick one: ", "Customer asks: ", "Escalation: ",
        "our PM wants to know: ", "Fabrikam here. ", "sorry if this was asked before - ", "For the Contoso rollout, ",
        "Following up on today's call: ", "hi all. ", "Question from the service desk: "};

    private static final String[] SHAPES = {
        "Is %s covered%s%s?", "Who is responsible for %s%s%s?", "Does FastTrack help with %s%s%s?",
        "Can FastTrack set up %s%s%s?", "will FT configure %s%s%s for us", "who handles %s%s%s, us or FastTrack?",
        "Customer claims FastTrack promised to deploy %s%s%s. True?", "Is %s%s%s in scope?",
        "Do we have to do %s%s%s ourselves?", "what does FastTrack do for %s%s%s?",
        "is %s%s%s part of the benefit or is that on us?", "Does the onboarding include %s%s%s?",
        "We were told %s%s%s is included. Is that right?", "Who owns %s%s%s during Enable?"};

    private static final String[] SUBJECTS = {
        "AD FS", "Azure AD Connect", "password hash sync", "pass-through authentication", "public SSL certificates",
        "DNS records", "Intune enrollment", "app protection policies", "Windows Autopilot", "co-management",
        "the ConfigMgr client", "Exchange ActiveSync", "Outlook for iOS and Android", "Azure Information Protection",
        "the RMS connector", "Defender for Endpoint onboarding", "Conditional Access policies",
        "multi-factor authentication", "self-service password reset", "single sign-on for SaaS apps",
        "hybrid Azure AD join", "device compliance policies", "Mobile Threat Defense", "BitLocker encryption",
        "Windows Hello for Business", "group-based licensing", "automatic user provisioning", "test devices",
        "pilot users", "proxy and firewall changes", "directory synchronization", "Azure AD Premium",
        "Microsoft Cloud App Security", "Exchange hybrid", "mobile device management", "VPN profiles",
        "Wi-Fi profiles", "email profiles", "certificate connectors", "Azure AD Identity Protection",
        "Privileged Identity Management", "access reviews", "the Intune Company Portal", "Office ProPlus deployment",
        "Windows 10 upgrades", "helpdesk training", "end-user communications", "license assignment",
        "the onboarding plan", "a remote session", "SharePoint Online IRM", "data loss prevention", "MDM authority",
        "iOS app deployment", "Android Enterprise", "macOS devices", "kiosk devices", "shared PCs",
        "Azure AD B2B", "smart card authentication"};

    private static final String[] CONDITIONS = {"", " for multiple forests", " for a single forest",
        " in our test tenant", " again", " on site", " on Saturday night", " across two forests", " without a trust",
        " in production", " for our subsidiary", " remotely", " after go-live", " in Exchange 2010"};

    private static final String[] SIZES = {"", " for 3 pilot users", " for 25 devices", " for 250 devices",
        " for 2 servers", " for 5,000 users", " for 40 apps", " for 12 branch offices", " for 150 kiosks",
        " for 3 connector servers", " for 7 admins", " for 900 mailboxes"};

    /** How many combinations there are: each index below this is a different one. */
    private static final long COMBINATIONS = (long) OPENINGS.length * SHAPES.length * SUBJECTS.length * 3
        * CONDITIONS.length * SIZES.length;
    /** A step coprime to the number of combinations: consecutive questions differ in every part. */
    private static final long STRIDE = 1_000_003L;

    private final long start;
    private final AtomicLong made = new AtomicLong();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    Questions(long seed) {
      if (gcd(STRIDE, COMBINATIONS) != 1) {
        throw new IllegalStateException("the stride must be coprime to " + COMBINATIONS);
      }
      start = Math.floorMod(new Random(seed).nextLong(), COMBINATIONS);
    }

    String next() {
      long n = made.getAndIncrement();
      String q = question(Math.floorMod(start + n * STRIDE, COMBINATIONS));
      seen.add(q);
      return q;
    }

    long made() {
      return made.get();
    }

    long distinct() {
      return seen.size();
    }

    static String question(long i) {
      String opening = OPENINGS[(int) (i % OPENINGS.length)];
      i /= OPENINGS.length;
      String shape = SHAPES[(int) (i % SHAPES.length)];
      i /= SHAPES.length;
      String subject = SUBJECTS[(int) (i % SUBJECTS.length)];
      i /= SUBJECTS.length;
      int typo = (int) (i % 3);
      i /= 3;
      String condition = CONDITIONS[(int) (i % CONDITIONS.length)];
      i /= CONDITIONS.length;
      String size = SIZES[(int) (i % SIZES.length)];
      String s = typo == 0 ? subject : typo(subject, typo);
      String q = String.format(Locale.ROOT, shape, s, condition, size);
      return opening.isEmpty() ? q : opening + Character.toLowerCase(q.charAt(0)) + q.substring(1);
    }

    /** A letter of the subject's longest word doubled (1), or two letters swapped (2): typos people make. */
    private static String typo(String subject, int kind) {
      String[] words = subject.split(" ");
      int longest = 0;
      for (int w = 1; w < words.length; w++) {
        if (words[w].length() > words[longest].length()) {
          longest = w;
        }
      }
      String w = words[longest];
      int at = w.length() / 2;
      String swapped = at == 0 ? w : w.substring(0, at - 1) + w.charAt(at) + w.charAt(at - 1) + w.substring(at + 1);
      // a swap of two equal letters changes nothing: drop one instead, so each kind differs from the others
      words[longest] = kind == 1 ? w.substring(0, at) + w.charAt(at) + w.substring(at)
          : !swapped.equals(w) ? swapped : w.substring(0, at) + w.substring(at + 1);
      return String.join(" ", words);
    }

    private static long gcd(long a, long b) {
      return b == 0 ? a : gcd(b, a % b);
    }
  }
}
