package org.discretion.rules.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.InvalidCaseException;

/**
 * A small case-handling service on the JDK's HTTP server: {@code POST /decisions} with one case (JSON contract v1)
 * answers {@code 200} with the decision as JSON, or {@code 400} with {@code {"id":…, "error":{"field":…,
 * "problem":…, "message":…}}} for invalid input. It binds the loopback interface only. One engine serves every
 * request (it is immutable and thread-safe).
 *
 * <pre>
 * curl -s -X POST --data-binary @examples/cases/minor-corrected.json http://127.0.0.1:PORT/decisions
 * </pre>
 */
public final class CaseHandlingService implements AutoCloseable {
    /** Largest request body accepted, in bytes. */
    static final int MAX_BODY = 1_000_000;

    private final DiscretionEngine engine;
    private final HttpServer server;
    private final ExecutorService threads;

    private CaseHandlingService(DiscretionEngine engine, HttpServer server, ExecutorService threads) {
        this.engine = engine;
        this.server = server;
        this.threads = threads;
    }

    /** Starts the service on 127.0.0.1; port 0 picks a free port (see {@link #port()}). */
    public static CaseHandlingService start(DiscretionEngine engine, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CaseHandlingService s = new CaseHandlingService(engine, server, threads);
        server.createContext("/decisions", s::handle);
        server.setExecutor(threads);
        server.start();
        return s;
    }

    /** The port the service listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting requests and ends the service's threads. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().add("Allow", "POST");
                send(ex, 405, "{\"error\":{\"message\":\"POST a case (JSON) to /decisions\"}}");
                return;
            }
            String body;
            try (InputStream in = ex.getRequestBody()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    send(ex, 413, "{\"error\":{\"message\":\"the case is larger than " + MAX_BODY + " bytes\"}}");
                    return;
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            try {
                Decision d = engine.evaluate(CaseJson.parseCase(body));
                send(ex, 200, CaseJson.write(CaseJson.toJson(d), false));
            } catch (InvalidCaseException e) {
                send(ex, 400, CaseJson.write(CaseJson.errorJson(e), false));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Runs the service until the process is stopped; the first argument is the port (default: a free one). */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        CaseHandlingService s = start(DiscretionEngine.builder().classpathCatalogs().build(), port);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        System.out.println("POST cases to http://127.0.0.1:" + s.port() + "/decisions (Ctrl-C stops)");
    }
}
