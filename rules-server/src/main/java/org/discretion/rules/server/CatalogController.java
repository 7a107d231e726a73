package org.discretion.rules.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.cli.XlsxWriter;
import org.discretion.rules.tooling.CatalogInfo;
import org.discretion.rules.tooling.Publisher;

/** The catalogs serving: {@code GET /v1/catalogs}, {@code /v1/catalogs/{id}}, its 附件2 tables, and the contract's schemas. */
@RestController
public class CatalogController {
    private final EngineService engines;

    public CatalogController(EngineService engines) {
        this.engines = engines;
    }

    /** One line per catalog in the list endpoint. */
    public record CatalogSummary(String id, String version, String contentHash, String title, String issuingBody,
                                 String documentNumber, String level, String region, List<String> lists,
                                 String status, String statusNote, java.time.LocalDate publishedOn,
                                 java.time.LocalDate effectiveFrom, java.time.LocalDate effectiveTo, String fidelity,
                                 int items) {
    }

    /** The catalogs list: what serves, and the statute layer's version. */
    public record Catalogs(String source, List<CatalogVersion> versions, List<CatalogSummary> catalogs) {
    }

    @Operation(summary = "The catalogs serving", description = "Each catalog with its version, content hash, issuer, "
            + "lists, status and dates; `versions` also names the statute layer.")
    @GetMapping(path = "/v1/catalogs", produces = MediaType.APPLICATION_JSON_VALUE)
    public Catalogs catalogs() {
        List<CatalogSummary> out = engines.catalogs().stream().map(c -> new CatalogSummary(c.id(), c.version(),
                c.contentHash(), c.title(), c.issuingBody(), c.documentNumber(), c.level(), c.region(),
                c.lists().stream().map(Enum::name).toList(), c.status(), c.statusNote(), c.publishedOn(),
                c.effectiveFrom(), c.effectiveTo(), c.fidelity(), c.items().size())).toList();
        return new Catalogs(engines.directory().map(d -> "shipped+" + d).orElse("shipped"), engines.versions(), out);
    }

    @Operation(summary = "One catalog with its items", description = "Items with their permanent ids, the provisions "
            + "they name, and the facts each declares under `facts` of a case (name, type NUMBER/BOOLEAN/TEXT/DATE, "
            + "unit, label); the lists as 附件2 tables.")
    @GetMapping(path = "/v1/catalogs/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Object> catalog(@PathVariable("id") String id) {
        Optional<CatalogInfo.Catalog> c = engines.catalog(id);
        if (c.isEmpty()) return unknown(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(c.get());
    }

    @Operation(summary = "A catalog's lists as published (附件2)", description = "format: md, html, csv (UTF-8 with a "
            + "byte-order mark; all lists of the catalog one after another) or xlsx (one sheet per list).")
    @GetMapping(path = "/v1/catalogs/{id}/publish")
    public ResponseEntity<Object> publish(@PathVariable("id") String id,
                                          @Parameter(description = "md, html, csv or xlsx")
                                          @RequestParam(name = "format", defaultValue = "md") String format) throws IOException {
        Optional<CatalogInfo.Catalog> c = engines.catalog(id);
        if (c.isEmpty()) return unknown(id);
        List<Publisher.Table> tables = c.get().tables();
        byte[] body;
        MediaType type;
        switch (format) {
            case "md" -> {
                body = Publisher.markdown(tables).getBytes(StandardCharsets.UTF_8);
                type = new MediaType("text", "markdown", StandardCharsets.UTF_8);
            }
            case "html" -> {
                body = Publisher.html(tables).getBytes(StandardCharsets.UTF_8);
                type = new MediaType("text", "html", StandardCharsets.UTF_8);
            }
            case "csv" -> {
                StringBuilder b = new StringBuilder();
                for (Publisher.Table t : tables) {
                    String csv = Publisher.csv(t);
                    // one byte-order mark at the start of the download, not one per list
                    b.append(b.isEmpty() ? csv : csv.replaceFirst("^\uFEFF", ""));
                }
                body = b.toString().getBytes(StandardCharsets.UTF_8);
                type = new MediaType("text", "csv", StandardCharsets.UTF_8);
            }
            case "xlsx" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                XlsxWriter.write(tables, out);
                body = out.toByteArray();
                type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            default -> {
                return Problems.response(Problems.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "格式有误（unknown format）",
                        "format must be md, html, csv or xlsx, was \"" + format + "\"");
            }
        }
        String file = id + "." + format;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }

    @Operation(summary = "JSON Schema of the case (contract v1)", description = "docs/schema/case-v1.schema.json, "
            + "404 when this build has none.")
    @GetMapping(path = "/v1/schema/case", produces = {"application/schema+json", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Object> caseSchema() throws IOException {
        return schema("case-v1.schema.json");
    }

    @Operation(summary = "JSON Schema of the decision (contract v1)", description = "docs/schema/decision-v1.schema.json, "
            + "404 when this build has none.")
    @GetMapping(path = "/v1/schema/decision", produces = {"application/schema+json", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Object> decisionSchema() throws IOException {
        return schema("decision-v1.schema.json");
    }

    private ResponseEntity<Object> schema(String file) throws IOException {
        try (InputStream in = CatalogController.class.getClassLoader().getResourceAsStream("schema/" + file)) {
            if (in == null) {
                return Problems.response(Problems.NOT_FOUND, HttpStatus.NOT_FOUND, "未找到（not found）",
                        "this build carries no " + file + " (docs/schema/ is copied in at build time)");
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json"))
                    .body(in.readAllBytes());
        }
    }

    private ResponseEntity<Object> unknown(String id) {
        return Problems.response(Problems.NOT_FOUND, HttpStatus.NOT_FOUND, "未找到目录（unknown catalog）",
                "no catalog \"" + id + "\" is serving; catalogs: "
                        + String.join(", ", engines.catalogs().stream().map(CatalogInfo.Catalog::id).toList()));
    }
}
