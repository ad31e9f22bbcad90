package org.communityadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.communityadvisor.Advisor;
import org.communityadvisor.Lang;
import org.communityadvisor.server.AdvisorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor serve}: the advisor as an HTTP JSON service (see {@link AdvisorServer}). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve advice over HTTP: POST /v1/advice, POST /v1/advice:batch (JSONL), GET /v1/rules, /healthz, "
                + "/metrics, /openapi.json; POST /v1/admin/reload with --rules and --admin-token-file.",
                "以 HTTP JSON 服务提供建议。",
                "Prints 'advisor: serving on http://HOST:PORT (rules VERSION)' on standard error when listening; "
                        + "SIGTERM lets requests in flight finish, then stops."})
public final class ServeCommand implements Callable<Integer> {
    /** The shortest admin token taken: 16 characters (a guess then needs far more tries than a service allows). */
    static final int MIN_TOKEN = 16;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "H", description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--admin-token-file", paramLabel = "F",
            description = "With --rules: enables POST /v1/admin/reload for 'Authorization: Bearer TOKEN', the token being this file's text.")
    Path adminTokenFile;

    @Option(names = "--max-body", paramLabel = "BYTES",
            description = "Largest body of /v1/advice and largest line of /v1/advice:batch (default: ${DEFAULT-VALUE}).")
    long maxBody = 1 << 20;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "Close a connection idle this long, e.g. a client that stops sending (default: ${DEFAULT-VALUE}).")
    int idleTimeout = 30;

    @Option(names = "--max-concurrent", paramLabel = "N",
            description = "Requests handled at once (besides /healthz and /metrics); as many more wait up to 5 s, "
                    + "the rest are answered 503 (default: ${DEFAULT-VALUE}).")
    int maxConcurrent = 64;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Connections open at once; past it new ones wait to be accepted until one closes "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxConnections = AdvisorServer.DEFAULT_MAX_CONNECTIONS;

    @Option(names = "--min-data-rate", paramLabel = "BYTES",
            description = "A request body must arrive at this many bytes a second once waited for 5 s; a slower one "
                    + "is answered 408. 0: no minimum (default: ${DEFAULT-VALUE}).")
    long minDataRate = 512;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", hidden = true,
            description = "On SIGTERM, how long requests in flight may take to finish (default: ${DEFAULT-VALUE}).")
    int stopTimeout = 30;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = Output.stderr();
        org.communityadvisor.text.Texts t = org.communityadvisor.text.Texts.of(engine.lang);
        if (port < 0 || port > 65535 || maxBody < 1 || idleTimeout < 1 || stopTimeout < 0 || maxConcurrent < 1
                || maxConcurrent > 180 || minDataRate < 0) {
            err.println("advisor: " + t.get("serve.bad-options"));
            err.flush();
            return Main.INVALID_INPUT;
        }
        if (maxConnections < 1 || maxConnections > AdvisorServer.MAX_CONNECTIONS) {
            err.println("advisor: " + t.get("serve.max-connections",
                    AdvisorServer.MAX_CONNECTIONS, Integer.toString(maxConnections)));
            err.flush();
            return Main.INVALID_INPUT;
        }
        String token = null;
        if (adminTokenFile != null) {
            if (engine.rules == null) {
                err.println("advisor: " + t.get("serve.token-needs-rules"));
                err.flush();
                return Main.INVALID_INPUT;
            }
            try {
                java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(adminTokenFile);
                if (perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                        || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
                    err.println("advisor: " + t.get("serve.token-writable", adminTokenFile,
                            java.nio.file.attribute.PosixFilePermissions.toString(perms)));
                    err.flush();
                    return Main.INVALID_INPUT;
                }
            } catch (UnsupportedOperationException | IOException e) {
                // not a POSIX file system (the read below reports a missing file)
            }
            try {
                token = Files.readString(adminTokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                err.println("advisor: " + t.get("serve.token-unreadable", adminTokenFile, e.getMessage()));
                err.flush();
                return Main.INVALID_INPUT;
            }
            if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ')) {
                err.println("advisor: " + t.get("serve.token-spaces", adminTokenFile));
                err.flush();
                return Main.INVALID_INPUT;
            }
            if (token.length() < MIN_TOKEN) {
                err.println("advisor: " + t.get("serve.token-short", adminTokenFile, token.length(), MIN_TOKEN));
                err.flush();
                return Main.INVALID_INPUT;
            }
        }
        // Jetty logs through SLF4J: keep it to warnings (before its first class loads)
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        Advisor advisor = engine.advisor(err);
        err.flush();
        if (advisor == null) {
            return Main.INVALID_INPUT;
        }
        AdvisorServer.Builder b = AdvisorServer.builder(advisor).host(host).port(port).maxBody(maxBody)
                .idleTimeout(Duration.ofSeconds(idleTimeout)).stopTimeout(Duration.ofSeconds(stopTimeout))
                .maxConcurrent(maxConcurrent, maxConcurrent, Duration.ofSeconds(5)).maxConnections(maxConnections)
                .minDataRate(minDataRate, Duration.ofSeconds(5))
                .lang(engine.lang).catalog(ServeCommand::catalog).stopAtShutdown(true);
        if (token != null) {
            b.reload(engine.rules, token);
        }
        AdvisorServer server = b.build();
        try {
            server.start();
        } catch (IOException e) {
            err.println("advisor: " + t.get("serve.cannot-listen", host, Integer.toString(port), e.getMessage()));
            err.flush();
            server.stop();
            return Main.INVALID_INPUT;
        }
        System.err.println("advisor: " + t.get("serve.serving", server.uri(), advisor.rules().version()));
        System.err.flush();
        server.join();
        return 0;
    }

    /** What {@code ./advisor rules --format json} prints, for the rules in force: the service's {@code GET /v1/rules}. */
    public static Object catalog(Advisor advisor, Lang lang) {
        return new RuleCatalog(advisor.rules(), advisor.profile(), lang).json();
    }
}
