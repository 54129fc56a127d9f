package com.scopebot.server;

import com.google.common.base.Ticker;
import com.scopebot.answer.Engine;
import com.scopebot.channel.slack.SlackChannel;
import com.scopebot.channel.slack.SlackHeaderCheck;
import com.scopebot.channel.slack.SlackServlet;
import com.scopebot.channel.teams.TeamsChannel;
import com.scopebot.channel.web.AnswerPageServlet;
import com.scopebot.channel.web.AnswersServlet;
import com.scopebot.channel.web.AskServlet;
import com.scopebot.channel.web.ChangesServlet;
import com.scopebot.channel.web.ClientAddress;
import com.scopebot.channel.web.DisputeServlet;
import com.scopebot.channel.web.DocumentsServlet;
import com.scopebot.channel.web.JsonHttp;
import com.scopebot.channel.web.SearchServlet;
import com.scopebot.corpus.CorpusException;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.MemoryDeliveries;
import com.scopebot.records.RecordWriter;
import com.scopebot.records.StoreDeliveries;
import com.scopebot.records.StoreMaintenance;
import com.scopebot.records.StoreSettings;
import com.scopebot.records.UserSalt;
import com.scopebot.service.AnswerService;
import com.scopebot.service.Gaps;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.LiveSearch;
import com.scopebot.service.OriginNotices;
import com.scopebot.service.Reanswering;
import com.scopebot.service.ScopeMetrics;
import io.micrometer.core.instrument.Gauge;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one process that serves every channel: the JSON API, the web chat, health and metrics, admin, and the Slack
 * and Teams endpoints, on embedded Jetty.
 *
 * <p>Stopping (or SIGTERM) stops accepting, lets requests in flight finish (up to {@link #DRAIN_MILLIS}), then closes
 * the answer store. Answer records are committed before each answer is given, so even a kill loses none whose id
 * was handed out.
 */
public final class ScopeServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ScopeServer.class);

  /** Least time a connection may be idle before it is closed (twice the body timeout when that is longer). */
  static final long IDLE_MILLIS = 10_000;

  /** The socket send buffer of each connection of the main port. */
  static final int SEND_BUFFER_BYTES = 128 * 1024;

  /** The idle timeout of every connection while the main port is at its connection cap. */
  static final long AT_CAPACITY_IDLE_MILLIS = 1_000;

  /** Connections the management port keeps open at most: a few probes and a metrics scraper. */
  static final int MANAGEMENT_CONNECTIONS = 32;

  /** How long a stop waits for requests in flight. */
  public static final long DRAIN_MILLIS = 20_000;

  /** Teams activities are a few KB; a card action with inputs stays well below this (as TeamsServlet checks). */
  private static final int TEAMS_MAX_BODY_BYTES = 256 * 1024;

  private final Config config;
  private final Server server;
  private final ServerConnector connector;
  /** The port of health checks and metrics, or null when they share the main one. */
  private final ServerConnector management;
  private final LiveIndex index;
  private final AnswerService service;
  /** The first load of the index when {@link #create(Config, Path)} began it, else null. */
  private CompletableFuture<LiveIndex.Loaded> firstLoad;
  /** The answer store's checks and purges, or null without a store. */
  private final StoreMaintenance maintenance;
  /** Answers stored answers again after a new revision, or null without a store. */
  private final Reanswering reanswering;

  private ScopeServer(Config config, LiveIndex index, AnswerStore store, ScopeMetrics metrics) {
    this.config = config;
    this.index = index;
    RecordWriter records = store == null ? null : new RecordWriter(store, config.recordWaitMillis());
    AnswerService answers = new AnswerService(index, records, metrics, Clock.systemUTC(), config.escalation(),
        config.publicUrl());
    StoreDeliveries shared = null;
    if (store != null && config.jdbcUrl() != null) {
      // replicas share a store: a retried Slack or Teams delivery that reaches another replica is answered once
      shared = new StoreDeliveries(store, new MemoryDeliveries(AnswerService.DELIVERIES_KEPT, Clock.systemUTC()),
          Clock.systemUTC());
      answers.withDeliveries(shared);
    }
    this.service = answers;
    this.maintenance = store == null ? null
        : new StoreMaintenance(store, config.retentionDays(), Clock.systemUTC(), shared);
    // a conversation is told that a new revision changed its answer through the sender of the channel it was given on
    // (the channels register theirs as they are wired below)
    this.reanswering = store == null ? null : new Reanswering(index, store,
        config.notifyChanged() ? new OriginNotices(answers.senders()) : null, answers::answerLink, config.reanswerCap(),
        Clock.systemUTC());
    if (reanswering != null) {
      index.onLoaded(reanswering::indexed);
    }
    if (records != null) {
      Gauge.builder("scopebot.records.queued", records, RecordWriter::queued)
          .description("Answer records waiting to be committed").register(metrics.registry());
    }

    QueuedThreadPool threads = new QueuedThreadPool(config.httpThreads(), Math.min(8, config.httpThreads()));
    threads.setName("scopebot-http");
    this.server = new Server(threads);
    // no "Server: Jetty(version)" header: a version tells an attacker which advisories to try
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
    // a connection that sends nothing for this long is closed (Jetty's default is 30 s): a body has the body timeout to
    // arrive, and an idle keep-alive connection costs a socket and memory for as long as it is kept
    connector.setIdleTimeout(Math.max(IDLE_MILLIS, 2L * config.bodyTimeoutMillis()));
    connector.setHost(config.host());
    connector.setPort(config.port());
    // the kernel keeps at most this much unread answer a connection (it would grow to 4 MB on Linux): a client that
    // never reads pins little memory, and stalls after an answer or two instead of taking twenty
    connector.setAcceptedSendBufferSize(SEND_BUFFER_BYTES);
    server.addConnector(connector);
    // a flood of connections (slowloris) meets a cap below the file-descriptor limit: beyond it Jetty stops accepting
    // and closes connections idle for AT_CAPACITY_IDLE_MILLIS; each must send its first request head in time
    NetworkConnectionLimit limit = new NetworkConnectionLimit(config.maxConnections(), connector);
    limit.setEndPointIdleTimeout(AT_CAPACITY_IDLE_MILLIS);
    server.addBean(limit);
    FirstRequestDeadline deadline = new FirstRequestDeadline(server.getScheduler());
    http.addCustomizer(deadline);
    connector.addBean(deadline);
    this.management = config.managementPort() < 0 ? null : managementConnector(http, deadline);

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    context.addFilter(new FilterHolder(new RequestFilter(metrics)), "/*", EnumSet.of(DispatcherType.REQUEST));
    // bodies are read before their servlet runs, without a thread waiting on the client (see BodyFilter); a channel's
    // own cheap checks of the headers come first (mountChannels), so a request refused there is never read
    readBodies(context, JsonHttp.MAX_BODY_BYTES, "/api/ask", "/api/answers/*");
    context.addServlet(new ServletHolder(new AskServlet(service)), "/api/ask");
    context.addServlet(new ServletHolder(new AnswersServlet(service)), "/api/answers/*");
    context.addServlet(new ServletHolder(new AnswerPageServlet(service)), AnswerService.ANSWER_PAGE + "*");
    context.addServlet(new ServletHolder(new DisputeServlet(index)), "/api/dispute");
    context.addServlet(new ServletHolder(new DocumentsServlet(index)), "/api/documents/*");
    HealthServlet health = new HealthServlet(index, store);
    context.addServlet(new ServletHolder(health), "/healthz");
    context.addServlet(new ServletHolder(health), "/readyz");
    context.addServlet(new ServletHolder(new MetricsServlet(metrics)), "/metrics");
    // one guard for every admin endpoint: wrong tokens sent to any of them count together
    AdminGuard admin = config.adminToken() == null ? null : new AdminGuard(config.adminToken(), Ticker.systemTicker());
    context.addServlet(new ServletHolder(new ChangesServlet(index, reanswering, req -> admin != null
        && req.getHeader("Authorization") != null && admin.check(req.getHeader("Authorization"),
            ClientAddress.of(req)) == AdminGuard.Outcome.ALLOWED)), "/api/changes");
    context.addServlet(new ServletHolder(new ReindexServlet(index, admin,
        CorpusLimit.of(config.maxCorpusBytes(), Runtime.getRuntime().maxMemory()))),
        "/admin/reindex");
    context.addServlet(new ServletHolder(new GapsServlet(index, store == null ? null : new Gaps(store), admin)),
        "/api/gaps");
    // the search index is built on the first search, from the corpus in service
    context.addServlet(new ServletHolder(new SearchServlet(new LiveSearch(index))), "/api/search");
    mountChannels(context);
    // last of the filters: bodies are sent without a thread waiting on the client (after BodyFilter, so a body that
    // is still arriving is read first); the web chat's own files are small and left to Jetty
    for (String path : new String[] {"/api/*", "/admin/*", "/slack/*", "/metrics"}) {
      context.addFilter(new FilterHolder(new BufferedResponses()), path,
          EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
    }

    // the web chat: plain files from the jar, index.html at "/"
    context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("web/"));
    context.setWelcomeFiles(new String[] {"index.html"});
    ServletHolder files = new ServletHolder("web", DefaultServlet.class);
    files.setInitParameter("dirAllowed", "false");
    files.setInitParameter("cacheControl", "no-cache");
    context.addServlet(files, "/");

    // BodyFilter reads bodies asynchronously, which needs every filter and servlet on the way to allow it
    for (ServletHolder holder : context.getServletHandler().getServlets()) {
      holder.setAsyncSupported(true);
    }
    for (FilterHolder holder : context.getServletHandler().getFilters()) {
      holder.setAsyncSupported(true);
    }

    context.setErrorHandler(new JsonErrorHandler());
    server.setErrorHandler(new JsonErrorHandler());
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(context);
    server.setHandler(graceful);
    server.setStopTimeout(DRAIN_MILLIS);
    server.setStopAtShutdown(true);
    if (records != null) {
      server.addEventListener(new LifeCycle.Listener() {
        @Override
        public void lifeCycleStopped(LifeCycle event) {
          // requests have drained: commit the records still queued, then close the database
          try {
            records.close();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          reanswering.close();
          maintenance.close();
          store.close();
          LOG.info("answer records committed; store closed");
        }
      });
    }
  }

  /** A connector of its own for probes and metrics, with a cap of its own, so a flood of the main port spares them. */
  private ServerConnector managementConnector(HttpConfiguration http, FirstRequestDeadline deadline) {
    ServerConnector c = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    c.setName("management");
    c.setIdleTimeout(IDLE_MILLIS);
    c.setHost(config.host());
    c.setPort(config.managementPort());
    server.addConnector(c);
    server.addBean(new NetworkConnectionLimit(MANAGEMENT_CONNECTIONS, c));
    c.addBean(deadline);
    return c;
  }

  private void mountChannels(ServletContextHandler context) {
    // each channel mounts when configured; otherwise its endpoint says what is missing
    HttpServlet slack = null;
    if (config.slackSigningSecret() != null) {
      SlackChannel channel = new SlackChannel(config.slackSigningSecret(), config.slackBotToken(), config.slackApiUrl(),
          service, config.expertsChannel());
      slack = new SlackServlet(channel, config.slackSigningSecret(), Clock.systemUTC());
      // before the body is read: a request refused from its headers costs no more than them
      context.addFilter(new FilterHolder(new SlackHeaderCheck(Clock.systemUTC(), config.bodyTimeoutMillis())),
          "/slack/events", EnumSet.of(DispatcherType.REQUEST));
      readBodies(context, SlackHeaderCheck.MAX_BODY_BYTES, "/slack/events");
      closeOnStop(channel);
    }
    TeamsChannel.Endpoint teams = TeamsChannel.endpoint(config.microsoftAppId(), config.microsoftAppPassword(),
        config.microsoftTenantId(), service);
    // as for Slack: the token and the caller are checked from the headers before the body is read
    context.addFilter(new FilterHolder(teams.headerCheck()), "/api/messages", EnumSet.of(DispatcherType.REQUEST));
    readBodies(context, TEAMS_MAX_BODY_BYTES, "/api/messages");
    mount(context, "/slack/events", slack, "Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN");
    mount(context, "/api/messages", teams.servlet(), null);
  }

  /** Reads the bodies of requests to these paths before their servlets run, up to a cap. */
  private void readBodies(ServletContextHandler context, int maxBytes, String... paths) {
    for (String path : paths) {
      context.addFilter(new FilterHolder(new BodyFilter(maxBytes, config.bodyTimeoutMillis())), path,
          EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
    }
  }

  private void closeOnStop(AutoCloseable resource) {
    server.addEventListener(new LifeCycle.Listener() {
      @Override
      public void lifeCycleStopped(LifeCycle event) {
        try {
          resource.close();
        } catch (Exception e) {
          LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
        }
      }
    });
  }

  private static void mount(ServletContextHandler context, String path, HttpServlet servlet, String disabled) {
    if (servlet == null) {
      LOG.info("{} is disabled: {}", path, disabled);
      context.addServlet(new ServletHolder(new DisabledServlet(disabled)), path);
    } else {
      context.addServlet(new ServletHolder(servlet), path);
    }
  }

  /**
   * Builds a server from settings: the answer store (SQLite under the data folder, or the JDBC URL) and an index of
   * the corpus folder (the default one when none is set), loaded when the server starts.
   *
   * @throws CorpusException when no corpus is set and there is no default one
   */
  public static ScopeServer create(Config config) throws SQLException, CorpusException {
    return create(config, null);
  }

  /**
   * {@link #create(Config)} with a synonym file of its own ({@code serve --synonyms}), read at each (re)index.
   *
   * @param synonyms a Solr-format synonym file, or null for the default one
   */
  public static ScopeServer create(Config config, Path synonyms) throws SQLException, CorpusException {
    if (config.corpus() == null) {
      config = config.withCorpus(Engine.defaultCorpus());
      if (!config.corpus().equals(Engine.DEFAULT_CORPUS)) {
        LOG.info("{} is not in the working directory: serving the corpus bundled in the jar", Engine.DEFAULT_CORPUS);
      }
    }
    // what the server runs with, for whoever reads the log after a start that went wrong; never a secret's value
    LOG.info("configuration: {}", config);
    // the index loads while the store opens and Jetty starts (on 2 cores, ~0.5 s of a 2 s start); start() awaits it
    LiveIndex index = new LiveIndex(config.corpus(), synonyms);
    CompletableFuture<LiveIndex.Loaded> loading = loadInBackground(index);
    AnswerStore store = AnswerStore.open(storeSettings(config));
    LOG.info("answer records in {}", store.location());
    if (synonyms != null) {
      LOG.info("synonyms from {}", synonyms);
    }
    ScopeServer created = new ScopeServer(config, index, store, new ScopeMetrics());
    created.firstLoad = loading;
    return created;
  }

  /**
   * Where answer records go: the JDBC URL (shared by replicas, so its salt must be configured), else the embedded
   * SQLite file under the data folder (with a salt made once beside it when none is configured).
   *
   * @throws IllegalStateException for a JDBC URL without a configured salt, saying what to set
   */
  public static StoreSettings storeSettings(Config config) throws SQLException {
    if (config.jdbcUrl() != null) {
      return new StoreSettings(config.jdbcUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize(),
          config.dbTimeoutMillis(), UserSalt.forShared(config.userSalt()));
    }
    try {
      return StoreSettings.embedded(config.dataDir(), config.dbPoolSize(), config.dbTimeoutMillis(),
          UserSalt.forEmbedded(config.userSalt(), config.dataDir()));
    } catch (java.io.IOException e) {
      throw new SQLException("cannot keep the user-id salt in " + config.dataDir() + ": " + e.getMessage(), e);
    }
  }

  /** A server over given parts (tests). */
  public static ScopeServer create(Config config, LiveIndex index, AnswerStore store, ScopeMetrics metrics) {
    return new ScopeServer(config, index, store, metrics);
  }

  /**
   * Starts listening, then loads the index if it is not loaded yet ({@code /healthz} answers meanwhile).
   *
   * @throws CorpusException when the corpus cannot be indexed; the server is stopped again
   */
  public ScopeServer start() throws Exception {
    server.start();
    if (maintenance != null) {
      maintenance.start();
    }
    try {
      if (firstLoad != null) {
        awaitFirstLoad();
      } else if (!index.ready()) {
        index.reload();
      }
    } catch (CorpusException e) {
      stop();
      throw e;
    }
    if (reanswering != null) {
      // the first index may have come before the worker listened: look once now, which resumes a killed run too
      reanswering.start().indexed();
    }
    LOG.info("Scopebot ready at {} (web chat at /, API at /api/ask)", uri());
    return this;
  }

  /** The first load of the index, begun in {@link #create(Config, Path)}, as its outcome. */
  private void awaitFirstLoad() throws CorpusException, InterruptedException {
    try {
      firstLoad.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CorpusException c) {
        throw c;
      }
      throw new CorpusException("the corpus could not be indexed: " + e.getCause());
    }
  }

  /** Loads an index on a thread of its own (the reload itself runs on the index's worker), now. */
  private static CompletableFuture<LiveIndex.Loaded> loadInBackground(LiveIndex index) {
    CompletableFuture<LiveIndex.Loaded> loaded = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        loaded.complete(index.reload());
      } catch (CorpusException | LiveIndex.Busy | RuntimeException e) {
        loaded.completeExceptionally(e);
      }
    }, "scopebot-first-index");
    t.setDaemon(true);
    t.start();
    return loaded;
  }

  /** Where the server listens (loopback when it listens on every interface). */
  public URI uri() {
    return URI.create("http://" + reachableHost() + ":" + connector.getLocalPort() + "/");
  }

  /** The host the server listens on, or loopback when it listens on every interface. */
  private String reachableHost() {
    return config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
  }

  /** Where health and metrics are served on a port of their own, or null when there is none. */
  public URI managementUri() {
    if (management == null) {
      return null;
    }
    return URI.create("http://" + reachableHost() + ":" + management.getLocalPort() + "/");
  }

  public AnswerService service() {
    return service;
  }

  /** Stops accepting, drains requests in flight, closes the store. */
  public void stop() throws Exception {
    server.stop();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
