# Scopebot container image.
#
#   docker build -t scopebot:latest .
#   docker run --rm -p 3978:3978 scopebot:latest            # serves on :3978
#   docker run --rm scopebot:latest index                    # any other command: index, ask, eval
#
# Two stages: Maven builds the shaded jar; a JRE-only image runs it as a non-root user.

############################ build stage ############################
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# The POM alone first: the dependency layer is rebuilt only when pom.xml changes, not on every source edit.
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline

# index-data is needed at build time too: the POM bundles index-data/synonyms.txt into the jar.
COPY src ./src
COPY index-data ./index-data
# Not offline (-o): go-offline does not resolve every plugin's runtime dependencies (e.g. shade's).
RUN mvn -B -q -DskipTests package

############################ runtime stage ############################
FROM eclipse-temurin:17-jre

# curl only for HEALTHCHECK: whether the base image ships curl or wget varies between its tags, so install it.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

# Fixed numeric ids: Kubernetes' runAsNonRoot can only verify a numeric USER, and manifests/k8s uses 10001.
RUN groupadd --gid 10001 scopebot \
 && useradd --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin scopebot

WORKDIR /app

# Jar and corpus belong to root, so the running process can read them but not change them.
# /app/data (the SQLite answer records) is the only place the app writes; it is owned by the app user.
COPY --from=build /build/target/scopebot.jar ./scopebot.jar
COPY --from=build /build/index-data ./index-data
# what `scopebot teams-package` zips: the Teams app manifest and icons
COPY manifests/teams ./manifests/teams
RUN mkdir -p /app/data && chown 10001:10001 /app/data

# Class archive (CDS): a training run (serve --check: start, one question over HTTP, stop) records the classes a start
# loads, which the server then maps in instead of loading and verifying them one by one: ready in about 1.2 s instead
# of 1.5 s (docs/performance.md, Startup). Written here by the runtime image's own JVM, since an archive fits only the
# JVM that wrote it, and before JAVA_TOOL_OPTIONS names it; read-only for the runtime user.
RUN SCOPEBOT_DATA_DIR=/tmp/scopebot-check java -XX:ArchiveClassesAtExit=/app/scopebot.jsa -XX:TieredStopAtLevel=1 \
      -Xmx256m -jar scopebot.jar serve --check --host 127.0.0.1 --port 0 \
 && rm -rf /tmp/scopebot-check

# JVM memory: a fixed -Xmx256m rather than -XX:MaxRAMPercentage=75.
#  - 256 MB is the heap the app is known to run in (the test suite uses the same -Xmx).
#  - With the 512Mi container limit in manifests/k8s, 75% would give a 384 MB heap and leave only ~128 MB
#    for metaspace, code cache, thread stacks and Jetty's direct buffers, so the pod risks an OOM kill;
#    a fixed 256 MB leaves ~256 MB for all that.
#  - Without a memory limit (plain `docker run`), a percentage is a share of the whole host's RAM.
# To give a bigger heap, raise the container limit and override JAVA_TOOL_OPTIONS together.
# ExitOnOutOfMemoryError: after an OOM, exit so the orchestrator restarts the container instead of limping on (an OOM
# that killed Jetty's acceptor once left a process that listened and never answered). manifests/k8s repeats it.
# TieredStopAtLevel=1: only the quick JIT compiler, so a pod is ready in about 1.1 s instead of 1.8 s on 2 cores, for
# answers about 15 % slower (docs/performance.md, Startup); drop it for a corpus far bigger than the bundled one.
# SharedArchiveFile: the class archive written above.
ENV SCOPEBOT_PORT=3978 \
    SCOPEBOT_CORPUS=/app/index-data/corpus \
    SCOPEBOT_DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-Xmx256m -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=/app/scopebot.jsa"

USER 10001:10001

# Build-time check, as the runtime user, with the runtime heap: the bundled corpus must index,
# or the image build fails here rather than the pods failing at start.
RUN java -jar scopebot.jar index --corpus /app/index-data/corpus

EXPOSE 3978

# Docker-only (Kubernetes ignores it and uses the probes in manifests/k8s/deployment.yaml).
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${SCOPEBOT_MANAGEMENT_PORT:-${SCOPEBOT_PORT:-3978}}/healthz" || exit 1

# Exec form: java is PID 1 and gets SIGTERM directly, so its shutdown hook drains in-flight requests.
ENTRYPOINT ["java", "-jar", "/app/scopebot.jar"]
CMD ["serve"]
