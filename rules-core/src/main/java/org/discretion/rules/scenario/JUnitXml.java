package org.discretion.rules.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a run as JUnit XML in the form Maven Surefire writes it, which CI servers (Jenkins, GitLab, GitHub
 * actions) read: a {@code <testsuites>} root, one {@code <testsuite>} per scenario file, one {@code <testcase>} per
 * scenario ({@code classname} = the file, {@code name} = the scenario's sentence), a {@code <failure>} holding the
 * readable report. A malformed file is one {@code <testcase>} with an {@code <error>}.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    /** Writes {@code run} to {@code file} (UTF-8), creating parent folders. */
    public static void write(RunSummary run, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                write(run, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JUnit XML to " + file, e);
        }
    }

    /** Writes {@code run} to a stream (UTF-8); the stream is not closed. */
    public static void write(RunSummary run, OutputStream out) {
        Map<String, List<ScenarioResult>> byFile = new LinkedHashMap<>();
        for (ScenarioResult r : run.results()) byFile.computeIfAbsent(r.suite().file(), k -> new ArrayList<>()).add(r);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "discretion scenarios");
            w.writeAttribute("tests", String.valueOf(run.results().size() + run.malformed().size()));
            w.writeAttribute("failures", String.valueOf(run.results().stream().filter(r -> !r.passed()).count()));
            w.writeAttribute("errors", String.valueOf(run.malformed().size()));
            w.writeCharacters("\n");
            for (Map.Entry<String, List<ScenarioResult>> e : byFile.entrySet()) {
                List<ScenarioResult> rs = e.getValue();
                long nanos = rs.stream().mapToLong(ScenarioResult::nanos).sum();
                suiteStart(w, rs.get(0).suite().name() + " (" + e.getKey() + ")", rs.size(),
                        rs.stream().filter(r -> !r.passed()).count(), 0, nanos);
                for (ScenarioResult r : rs) {
                    w.writeCharacters("    ");
                    w.writeStartElement("testcase");
                    w.writeAttribute("classname", e.getKey());
                    w.writeAttribute("name", r.scenario().name());
                    w.writeAttribute("time", seconds(r.nanos()));
                    w.writeAttribute("file", e.getKey());
                    w.writeAttribute("line", String.valueOf(r.scenario().line()));
                    if (!r.passed()) {
                        w.writeStartElement("failure");
                        w.writeAttribute("message", r.mismatches().stream().map(Mismatch::what).toList()
                                + " not as expected at " + r.location());
                        w.writeAttribute("type", "ScenarioMismatch");
                        w.writeCharacters(r.report());
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                    w.writeCharacters("\n");
                }
                w.writeCharacters("  ");
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            for (ScenarioFormatException m : run.malformed()) {
                suiteStart(w, m.file(), 1, 0, 1, 0);
                w.writeCharacters("    ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", m.file());
                w.writeAttribute("name", "the scenario file can be read");
                w.writeAttribute("time", "0");
                w.writeStartElement("error");
                w.writeAttribute("message", m.problems().get(0).file() + ":" + m.problems().get(0).line() + ": "
                        + m.problems().get(0).message());
                w.writeAttribute("type", ScenarioFormatException.class.getName());
                w.writeCharacters(m.getMessage());
                w.writeEndElement();
                w.writeEndElement();
                w.writeCharacters("\n  ");
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException("cannot write JUnit XML", ex);
        }
    }

    private static void suiteStart(XMLStreamWriter w, String name, long tests, long failures, long errors, long nanos)
            throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", name);
        w.writeAttribute("tests", String.valueOf(tests));
        w.writeAttribute("failures", String.valueOf(failures));
        w.writeAttribute("errors", String.valueOf(errors));
        w.writeAttribute("skipped", "0");
        w.writeAttribute("time", seconds(nanos));
        w.writeCharacters("\n");
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
