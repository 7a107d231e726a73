package org.discretion.rules.scenario;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML into a JSON tree and remembers where each node came from (Jackson's tree model drops locations), so
 * that every message can name file and line. Paths are written like case fields: {@code scenarios[2].case.party.age}.
 * Unquoted dates stay strings (the case reader parses them), duplicate keys are errors.
 */
final class YamlTree {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** A syntax error or duplicate key, with its location. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    final JsonNode root;
    private final Map<String, int[]> where;

    private YamlTree(JsonNode root, Map<String, int[]> where) {
        this.root = root;
        this.where = where;
    }

    static YamlTree read(String text) throws SyntaxError {
        Map<String, int[]> where = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SyntaxError("the file is empty: expected a mapping with suite and scenarios", 1, 0);
            }
            JsonNode root = node(p, "", where);
            return new YamlTree(root, where);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            // SnakeYAML's message interleaves "what" lines with indented excerpts and carets: keep the "what"
            String msg = e.getOriginalMessage().lines()
                    .filter(s -> !s.isBlank() && !Character.isWhitespace(s.charAt(0)))
                    .collect(java.util.stream.Collectors.joining("; "));
            throw new SyntaxError("malformed YAML: " + msg, l == null ? 0 : l.getLineNr(),
                    l == null ? 0 : Math.max(0, l.getColumnNr() - 1));
        } catch (IOException e) {
            throw new SyntaxError("cannot read YAML: " + e.getMessage(), 0, 0);
        }
    }

    private static JsonNode node(JsonParser p, String path, Map<String, int[]> where) throws IOException, SyntaxError {
        JsonToken t = p.currentToken();
        where.putIfAbsent(path, at(p.currentTokenLocation()));
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    int[] loc = at(p.currentTokenLocation());
                    if (o.has(name)) {
                        throw new SyntaxError("duplicate key \"" + name + "\"" + (path.isEmpty() ? "" : " in " + path)
                                + " (first at line " + where.get(child)[0] + ")", loc[0], loc[1]);
                    }
                    where.put(child, loc);
                    p.nextToken();
                    o.set(name, node(p, child, where));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = path + "[" + i++ + "]";
                    where.put(child, at(p.currentTokenLocation()));
                    a.add(node(p, child, where));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                int[] loc = at(p.currentTokenLocation());
                throw new SyntaxError("unsupported YAML value (" + t + ")", loc[0], loc[1]);
            }
        }
    }

    private static int[] at(JsonLocation l) {
        return new int[]{l.getLineNr(), Math.max(0, l.getColumnNr() - 1)};
    }

    /** Line (1-based) and column (0-based) of a path, falling back to its nearest located parent. */
    int[] locate(String path) {
        String p = path;
        while (true) {
            int[] l = where.get(p);
            if (l != null) return l;
            if (p.isEmpty()) return new int[]{1, 0};
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    /** Every located path under {@code prefix}, relative to it ("" for the prefix itself), with its line. */
    Map<String, Integer> linesUnder(String prefix) {
        Map<String, Integer> out = new HashMap<>();
        where.forEach((k, v) -> {
            if (k.equals(prefix)) out.put("", v[0]);
            else if (k.startsWith(prefix + ".")) out.put(k.substring(prefix.length() + 1), v[0]);
            else if (k.startsWith(prefix + "[")) out.put(k.substring(prefix.length()), v[0]);
        });
        return out;
    }
}
