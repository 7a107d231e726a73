package org.discretion.rules.server;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * {@code ./discretion serve [--catalogs DIR] [--port 8080] [--decision-log FILE]}, or {@code java -jar
 * rules-server.jar} with the same options: the REST service and the web page for legal officers, on localhost.
 * It serves the shipped catalogs and, with {@code --catalogs DIR}, that folder's catalogs beside them (as the command
 * line does), reloaded when a file changes; a broken version never replaces the working one. Every Spring property works too
 * ({@code --server.address=0.0.0.0}); docs/service.md lists them.
 */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Discretion Rules service (四张清单规则引擎)", version = "v1",
        description = "Decisions on cases (JSON contract v1, docs/case-and-decision.md), the catalogs served, their "
                + "附件2 tables and replay of decision records."), servers = @Server(url = "/"))
public class ServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ServerApplication.class, springArgs(args));
    }

    /** The launcher's short options as Spring properties; anything else passes through. */
    static String[] springArgs(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String property = switch (a) {
                case "--catalogs" -> "discretion.catalogs.dir";
                case "--port" -> "server.port";
                case "--decision-log" -> "discretion.decision-log";
                default -> null;
            };
            if (property == null) {
                out.add(a);
            } else if (i + 1 < args.length) {
                out.add("--" + property + "=" + args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return out.toArray(String[]::new);
    }
}
