package org.discretion.rules.api;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads cases one at a time from a stream of any length, in constant memory: JSON lines (one case per line), a
 * top-level JSON array, or one or more pretty-printed case objects. Each case is its own unit: the size and depth
 * limits apply to each case, and a case that cannot be read (malformed JSON, invalid UTF-8, a duplicate key, too
 * large) becomes an {@link Entry} carrying its error while the cases after it are still read.
 *
 * <p>How the input is split: input whose first character is {@code [} is one JSON array, read element by element
 * with a streaming parser; a malformed element ends the array (the parser cannot find the next element), except a
 * duplicate key, after which reading goes on. Otherwise the input is split into lines: when the first case fits on
 * its first line, every non-blank line is one case (JSON lines); when it does not, a case ends at the end of the
 * line where its braces close, so a pretty-printed case is one case. Bytes are decoded as UTF-8 line by line; a line
 * that is not valid UTF-8 is an error of that case only.
 *
 * <p>Reading is linear in the input and each case is bounded by {@link Limits#maxCaseChars()}, so the time to read
 * one case is bounded too. Not thread-safe: one reader thread calls {@link #next()}; {@link Entry#parse()} may then
 * run on any thread.
 */
public final class CaseStream implements Iterator<CaseStream.Entry>, Closeable {

    /**
     * Limits for each case.
     *
     * @param maxCaseChars longest case in characters (JSON lines, pretty-printed cases) or bytes (array elements)
     * @param maxDepth     deepest nesting of objects and arrays within a case
     */
    public record Limits(int maxCaseChars, int maxDepth) {
        public static final Limits DEFAULT = new Limits(1_000_000, 20);

        public Limits {
            if (maxCaseChars <= 0) throw new IllegalArgumentException("maxCaseChars must be positive, was " + maxCaseChars);
            if (maxDepth <= 0) throw new IllegalArgumentException("maxDepth must be positive, was " + maxDepth);
        }
    }

    /** One case as read: its position and either its text/tree or the error that kept it from being read. */
    public static final class Entry {
        private final int index;
        private final int line;
        private final String text;
        private final JsonNode tree;
        private final InvalidCaseException error;
        private final Limits limits;

        private Entry(int index, int line, String text, JsonNode tree, InvalidCaseException error, Limits limits) {
            this.index = index;
            this.line = line;
            this.text = text;
            this.tree = tree;
            this.error = error;
            this.limits = limits;
        }

        /** Position in the input, from 0. */
        public int index() {
            return index;
        }

        /** The line the case starts on, from 1. */
        public int line() {
            return line;
        }

        /** Parses the case (JSON to {@link CaseInput}); may run on any thread. Never throws. */
        public CaseJson.Parsed parse() {
            if (error != null) return new CaseJson.Parsed(index, null, error);
            JsonNode n = tree;
            if (n == null) {
                int depth = depthOf(text);
                if (depth > limits.maxDepth()) {
                    String id = depth <= 1_000 ? idOf(text) : null;
                    return new CaseJson.Parsed(index, null, new InvalidCaseException(id, "",
                            "nesting deeper than the limit of " + limits.maxDepth()));
                }
                try {
                    n = CaseJson.mapper().readTree(text);
                } catch (JsonProcessingException e) {
                    return new CaseJson.Parsed(index, null, relined(CaseJson.malformed(null, e), line));
                }
            }
            return CaseJson.fromNode(index, n, new CaseJson.Limits(Integer.MAX_VALUE, limits.maxDepth(), Integer.MAX_VALUE));
        }

        private static String idOf(String text) {
            try {
                JsonNode n = CaseJson.mapper().readTree(text);
                return n != null && n.path("id").isTextual() ? n.get("id").asText() : null;
            } catch (JsonProcessingException | RuntimeException e) {
                return null;
            }
        }
    }

    /** A malformed-JSON message counts lines within the case; make them lines of the input. */
    private static InvalidCaseException relined(InvalidCaseException e, int firstLine) {
        String p = e.problem();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" at line (\\d+),").matcher(p);
        if (firstLine > 1 && m.find()) {
            p = p.substring(0, m.start(1)) + (Integer.parseInt(m.group(1)) + firstLine - 1) + p.substring(m.end(1));
            return new InvalidCaseException(e.caseId(), e.field(), p);
        }
        return e;
    }

    private enum Mode { UNKNOWN, LINES, DOCUMENTS, ARRAY, DONE }

    private static final int BUF = 1 << 16;

    private final HookedInput in;
    private final Limits limits;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private Mode mode = Mode.UNKNOWN;
    private Entry pending;
    private int index;
    private int lineNo;
    private boolean sawAny;

    // line reading
    private final byte[] buf = new byte[BUF];
    private int pos;
    private int end;
    private boolean eof;
    private byte[] lineBytes = new byte[256];
    private int lineLen;
    private boolean lineTooLong;
    private long lineTotal;

    // array reading
    private JsonParser parser;

    private CaseStream(InputStream in, Limits limits, Runnable beforeBlocking) {
        this.in = new HookedInput(in, beforeBlocking);
        this.limits = limits;
    }

    /** Reads cases from {@code in} with the default limits. */
    public static CaseStream of(InputStream in) {
        return of(in, Limits.DEFAULT, null);
    }

    /**
     * Reads cases from {@code in}.
     *
     * @param beforeBlocking called (on the reading thread) just before a read that would wait for more input, e.g.
     *                       to flush output for an interactive caller; may be {@code null}
     */
    public static CaseStream of(InputStream in, Limits limits, Runnable beforeBlocking) {
        return new CaseStream(in, limits, beforeBlocking);
    }

    @Override
    public boolean hasNext() {
        if (pending == null && mode != Mode.DONE) {
            try {
                pending = advance();
            } catch (IOException e) {
                pending = new Entry(index++, lineNo, null, null, new InvalidCaseException(null, "",
                        "cannot read the input: " + e.getMessage()), limits);
                mode = Mode.DONE;
            }
            if (pending == null) mode = Mode.DONE;
        }
        return pending != null;
    }

    @Override
    public Entry next() {
        if (!hasNext()) throw new NoSuchElementException();
        Entry e = pending;
        pending = null;
        return e;
    }

    @Override
    public void close() throws IOException {
        if (parser != null) parser.close();
        in.close();
    }

    private Entry advance() throws IOException {
        if (mode == Mode.UNKNOWN) {
            int first = firstSignificantByte();
            if (first < 0) {
                mode = Mode.DONE;
                return new Entry(index++, 1, null, null, new InvalidCaseException(null, "",
                        "input is empty: expected a case object, an array or JSON lines"), limits);
            }
            if (first == '[') {
                mode = Mode.ARRAY;
                return startArray();
            }
        }
        if (mode == Mode.ARRAY) return nextElement();
        return nextRecord();
    }

    // ---- lines and pretty-printed documents -------------------------------------------------------------------

    private Entry nextRecord() throws IOException {
        StringBuilder doc = null;
        int startLine = 0;
        Braces braces = new Braces();
        boolean tooLong = false;
        long chars = 0;
        while (readLine()) {
            lineNo++;
            if (lineTooLong) {
                if (mode == Mode.DOCUMENTS && doc != null) {
                    // the rest of this document cannot be trusted; end it here
                    return tooLarge(startLine, lineTotal + chars);
                }
                if (mode == Mode.UNKNOWN) mode = Mode.LINES;
                return tooLarge(lineNo, lineTotal);
            }
            if (doc == null && isBlankLine()) continue;
            String line;
            try {
                line = decode();
            } catch (CharacterCodingException e) {
                if (mode == Mode.UNKNOWN) mode = Mode.LINES;
                if (mode == Mode.DOCUMENTS && doc != null) {
                    skipRestOfDocument(braces);
                    return new Entry(index++, startLine, null, null, new InvalidCaseException(null, "",
                            "line " + lineNo + " is not valid UTF-8 (byte " + (badByte() + 1) + " of the line)"), limits);
                }
                return new Entry(index++, lineNo, null, null, new InvalidCaseException(null, "",
                        "line " + lineNo + " is not valid UTF-8 (byte " + (badByte() + 1) + " of the line)"), limits);
            }
            if (doc == null && !sawAny && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            sawAny = true;
            if (doc == null) {
                doc = new StringBuilder();
                startLine = lineNo;
            } else {
                doc.append('\n');
            }
            chars += line.length() + 1;
            if (chars > limits.maxCaseChars()) tooLong = true;
            if (!tooLong) doc.append(line);
            // structural scan: where does this case end?
            braces.newLine();
            for (int i = 0; i < line.length(); i++) braces.feed(line.charAt(i));
            if (mode == Mode.UNKNOWN) mode = braces.depth > 0 ? Mode.DOCUMENTS : Mode.LINES;
            if (mode == Mode.LINES || braces.depth <= 0) {
                if (tooLong) return tooLarge(startLine, chars - 1);
                return new Entry(index++, startLine, doc.toString(), null, null, limits);
            }
        }
        if (doc == null) {
            if (index == 0) {
                return new Entry(index++, 1, null, null, new InvalidCaseException(null, "",
                        "input is empty: expected a case object, an array or JSON lines"), limits);
            }
            return null;
        }
        if (tooLong) return tooLarge(startLine, chars - 1);
        // an unterminated case at the end of the input: let the parser say what is wrong
        return new Entry(index++, startLine, doc.toString(), null, null, limits);
    }

    private Entry tooLarge(int line, long chars) {
        return new Entry(index++, line, null, null, new InvalidCaseException(null, "", "the case starting on line " + line
                + " is " + (chars > Integer.MAX_VALUE ? "more than " + Integer.MAX_VALUE : String.valueOf(chars))
                + " characters, more than the limit of " + limits.maxCaseChars()), limits);
    }

    /** After a bad line inside a pretty-printed case: skip (without decoding) to where its braces close. */
    private void skipRestOfDocument(Braces braces) throws IOException {
        while (braces.depth > 0 && readLine()) {
            lineNo++;
            braces.newLine();
            for (int i = 0; i < lineLen; i++) braces.feed(lineBytes[i]);
        }
    }

    /**
     * Where a JSON text's brackets close, fed one code unit (char, or byte of text that did not decode) at a time:
     * strings and their escapes are skipped. One scanner for finding a case's end, skipping a bad case and measuring
     * nesting depth.
     */
    private static final class Braces {
        int depth;
        int max;
        private boolean inString;
        private boolean escaped;

        void feed(int c) {
            if (escaped) {
                escaped = false;
            } else if (inString) {
                if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }

        /** An escape never continues onto the next line (as the line-by-line scans always read it). */
        void newLine() {
            escaped = false;
        }
    }

    private int badPosition;

    private int badByte() {
        return badPosition;
    }

    private String decode() throws CharacterCodingException {
        decoder.reset();
        ByteBuffer bb = ByteBuffer.wrap(lineBytes, 0, lineLen);
        CharBuffer cb = CharBuffer.allocate(lineLen);
        var r = decoder.decode(bb, cb, true);
        if (r.isError()) {
            badPosition = bb.position();
            r.throwException();
        }
        r = decoder.flush(cb);
        if (r.isError()) {
            badPosition = bb.position();
            r.throwException();
        }
        cb.flip();
        return cb.toString();
    }

    private boolean isBlankLine() {
        for (int i = 0; i < lineLen; i++) {
            byte b = lineBytes[i];
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return true;
    }

    /** Reads one line (without its end) into {@code lineBytes}; false at the end of the input. */
    private boolean readLine() throws IOException {
        lineLen = 0;
        lineTooLong = false;
        lineTotal = 0;
        long maxBytes = (long) limits.maxCaseChars() * 4 + 4;
        boolean any = false;
        while (true) {
            if (pos >= end) {
                if (!fill()) return any;
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') pos++;
            int n = pos - start;
            lineTotal += n;
            if (!lineTooLong) {
                if (lineLen + n > maxBytes) {
                    lineTooLong = true;
                    lineLen = 0;
                } else {
                    if (lineLen + n > lineBytes.length) {
                        lineBytes = java.util.Arrays.copyOf(lineBytes, Math.max(lineLen + n, lineBytes.length * 2));
                    }
                    System.arraycopy(buf, start, lineBytes, lineLen, n);
                    lineLen += n;
                }
            }
            if (pos < end) {
                pos++; // the '\n'
                if (lineLen > 0 && lineBytes[lineLen - 1] == '\r') lineLen--;
                if (!lineTooLong && lineLen > limits.maxCaseChars()) {
                    // bytes are an upper bound of characters; count the characters exactly only when it matters
                    lineTooLong = utf8Chars() > limits.maxCaseChars();
                    lineTotal = lineTooLong ? utf8Chars() : lineTotal;
                }
                return true;
            }
        }
    }

    private long utf8Chars() {
        long c = 0;
        for (int i = 0; i < lineLen; i++) if ((lineBytes[i] & 0xC0) != 0x80) c++;
        return c;
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    /** The first byte that is not white space (or a UTF-8 byte order mark), without consuming it; -1 at the end. */
    private int firstSignificantByte() throws IOException {
        while (true) {
            if (pos >= end && !fill()) return -1;
            byte b = buf[pos];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                if (b == '\n') lineNo++;
                pos++;
            } else if ((b & 0xFF) == 0xEF && end - pos >= 3 && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
                pos += 3;
            } else {
                return b & 0xFF;
            }
        }
    }

    // ---- a top-level JSON array --------------------------------------------------------------------------------

    private Entry startArray() throws IOException {
        // the bytes already buffered, then the rest of the stream
        InputStream rest = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(buf, pos, end - pos), in);
        counted = new CountingInput(rest);
        parser = CaseJson.mapper().createParser(counted);
        // duplicates are found while building the element (below), so that the element is read to its end and the
        // array goes on; a parser exception would leave the parser in the middle of the element
        parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            parser.nextToken(); // START_ARRAY
        } catch (JsonProcessingException e) {
            mode = Mode.DONE;
            return new Entry(index++, lineNo + 1, null, null, CaseJson.malformed(null, e), limits);
        }
        return nextElement();
    }

    private CountingInput counted;

    private String duplicate;
    private final java.util.ArrayList<String> path = new java.util.ArrayList<>();
    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory NODES =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true);

    /** Builds one array element as a tree, noting the first duplicate key (as a JSON path) instead of failing. */
    private JsonNode element(JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                var o = NODES.objectNode();
                for (JsonToken k = parser.nextToken(); k != JsonToken.END_OBJECT; k = parser.nextToken()) {
                    String name = parser.currentName();
                    path.add(name);
                    JsonNode v = element(parser.nextToken());
                    if (o.has(name) && duplicate == null) duplicate = pathText();
                    path.remove(path.size() - 1);
                    o.set(name, v);
                }
                return o;
            }
            case START_ARRAY -> {
                var a = NODES.arrayNode();
                for (JsonToken k = parser.nextToken(); k != JsonToken.END_ARRAY; k = parser.nextToken()) {
                    path.add("[" + a.size() + "]");
                    a.add(element(k));
                    path.remove(path.size() - 1);
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                Number n = parser.getNumberValue();
                return n instanceof Integer i ? NODES.numberNode(i) : n instanceof Long l ? NODES.numberNode(l)
                        : NODES.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + t);
        }
    }

    private String pathText() {
        StringBuilder b = new StringBuilder();
        for (String p : path) {
            if (b.length() > 0 && !p.startsWith("[")) b.append('.');
            b.append(p);
        }
        return b.toString();
    }

    private Entry nextElement() throws IOException {
        long startBytes = counted.count;
        int startLine = lineNo + 1;
        try {
            JsonToken t = parser.nextToken();
            startLine = lineNo + parser.currentTokenLocation().getLineNr();
            if (t == null) {
                mode = Mode.DONE;
                return new Entry(index++, startLine, null, null, new InvalidCaseException(null, "",
                        "the array of cases is not closed with ]"), limits);
            }
            if (t == JsonToken.END_ARRAY) {
                if (parser.nextToken() != null) {
                    mode = Mode.DONE;
                    return new Entry(index++, startLine, null, null, new InvalidCaseException(null, "",
                            "unexpected content after the end of the array of cases"), limits);
                }
                mode = Mode.DONE;
                if (index == 0) {
                    return new Entry(index++, startLine, null, null, new InvalidCaseException(null, "",
                            "the array of cases is empty"), limits);
                }
                return null;
            }
            long startOffset = parser.currentTokenLocation().getByteOffset();
            counted.budget(startBytes, (long) limits.maxCaseChars() + BUF);
            duplicate = null;
            JsonNode n = element(t);
            counted.budget(0, Long.MAX_VALUE);
            long size = parser.currentLocation().getByteOffset() - startOffset;
            if (size > limits.maxCaseChars()) {
                return new Entry(index++, startLine, null, null, new InvalidCaseException(null, "", "case #" + index
                        + " of the array is more than the limit of " + limits.maxCaseChars() + " bytes"), limits);
            }
            if (duplicate != null) {
                return new Entry(index++, startLine, null, null, new InvalidCaseException(n.path("id").isTextual()
                        ? n.get("id").asText() : null, duplicate, CaseJson.DUPLICATE_PROBLEM), limits);
            }
            return new Entry(index++, startLine, null, n, null, limits);
        } catch (JsonProcessingException e) {
            counted.budget(0, Long.MAX_VALUE);
            InvalidCaseException err = relined(CaseJson.malformed(null, e), 1);
            mode = Mode.DONE;
            return new Entry(index++, startLine, null, null, new InvalidCaseException(err.caseId(), err.field(),
                    err.problem() + "; the rest of the array cannot be read"), limits);
        } catch (IOException e) {
            if (!(e instanceof CaseTooLarge) && !(e.getCause() instanceof CaseTooLarge)) throw e;
            mode = Mode.DONE;
            return new Entry(index++, startLine, null, null, new InvalidCaseException(null, "", "case #" + index
                    + " of the array is more than the limit of " + limits.maxCaseChars()
                    + " bytes; the rest of the array is not read"), limits);
        }
    }

    /** Thrown when one array element runs past its byte budget: the element is not built in memory. */
    private static final class CaseTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        CaseTooLarge() {
            super("case too large");
        }
    }

    private static final class CountingInput extends FilterInputStream {
        long count;
        private long from;
        private long max = Long.MAX_VALUE;

        CountingInput(InputStream in) {
            super(in);
        }

        void budget(long from, long max) {
            this.from = from;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            check();
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        private void check() throws CaseTooLarge {
            if (count - from > max) throw new CaseTooLarge();
        }
    }

    /** Calls a hook before a read that would block (nothing available), e.g. to flush output first. */
    private static final class HookedInput extends FilterInputStream {
        private final Runnable beforeBlocking;

        HookedInput(InputStream in, Runnable beforeBlocking) {
            super(in);
            this.beforeBlocking = beforeBlocking;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (beforeBlocking != null && in.available() == 0) beforeBlocking.run();
            return in.read(b, off, len);
        }

        @Override
        public int read() throws IOException {
            if (beforeBlocking != null && in.available() == 0) beforeBlocking.run();
            return in.read();
        }
    }

    /** The nesting depth of a JSON text, by a linear scan that skips strings. */
    static int depthOf(String text) {
        Braces braces = new Braces();
        for (int i = 0; i < text.length(); i++) braces.feed(text.charAt(i));
        return braces.max;
    }
}
