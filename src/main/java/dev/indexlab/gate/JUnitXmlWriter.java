package dev.indexlab.gate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the gate's results as a JUnit XML report, the format CI systems (GitHub Actions test
 * reporters, GitLab, Jenkins) show as a test list. One {@code <testsuite>} root, the shape Maven
 * Surefire writes:
 *
 * <pre>{@code
 * <testsuite name="indexlab" tests="2" failures="1" errors="0" skipped="0" time="1.500">
 *   <testcase name="delete user" classname="indexlab.gate" time="1.000">
 *     <failure message="..." type="regression">details</failure>
 *   </testcase>
 *   <testcase name="get library" classname="indexlab.gate" time="0.500"/>
 * </testsuite>
 * }</pre>
 *
 * <p>The run's figures (the gate's machine factor, its noise) go into the suite's {@code
 * <properties>}, a case's own figures into its {@code <system-out>}. The JDK's {@link
 * XMLStreamWriter} does the escaping; characters XML 1.0 cannot carry (control characters such as a
 * terminal's ESC) are replaced by U+FFFD first. Output is UTF-8 and deterministic: no timestamp or
 * host name.
 */
final class JUnitXmlWriter {
  /** The suite's name. */
  static final String SUITE = "indexlab";

  /** The {@code classname} of every case. */
  static final String CLASS_NAME = "indexlab.gate";

  /** Writes the report to {@code file}, replacing it. */
  public void write(List<GateCase> cases, Path file) {
    write(cases, Map.of(), file);
  }

  /** Writes the report with suite {@code properties} (name → value, in order) to {@code file}. */
  public void write(List<GateCase> cases, Map<String, String> properties, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(cases, properties, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The report as a string. */
  public String toXml(List<GateCase> cases) {
    return toXml(cases, Map.of());
  }

  /** The report with suite {@code properties} as a string. */
  public String toXml(List<GateCase> cases, Map<String, String> properties) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(cases, properties, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Writes the report to {@code out} as UTF-8; {@code out} is flushed, not closed. */
  public void write(List<GateCase> cases, OutputStream out) {
    write(cases, Map.of(), out);
  }

  /**
   * Writes the report with suite {@code properties} ({@code <properties>}, the run's figures) to
   * {@code out} as UTF-8; {@code out} is flushed, not closed.
   */
  public void write(List<GateCase> cases, Map<String, String> properties, OutputStream out) {
    try {
      XMLStreamWriter xml =
          XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", SUITE);
      xml.writeAttribute("tests", Integer.toString(cases.size()));
      xml.writeAttribute("failures", Long.toString(count(cases, GateCase.Status.FAIL)));
      xml.writeAttribute("errors", Long.toString(count(cases, GateCase.Status.ERROR)));
      xml.writeAttribute("skipped", Long.toString(count(cases, GateCase.Status.SKIPPED)));
      xml.writeAttribute("time", seconds(cases.stream().mapToDouble(GateCase::seconds).sum()));
      if (!properties.isEmpty()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> p : properties.entrySet()) {
          xml.writeCharacters("\n    ");
          xml.writeEmptyElement("property");
          xml.writeAttribute("name", clean(p.getKey()));
          xml.writeAttribute("value", clean(p.getValue()));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      for (GateCase c : cases) {
        xml.writeCharacters("\n  ");
        writeCase(xml, c);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      xml.close();
      out.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JUnit report", e);
    }
  }

  private void writeCase(XMLStreamWriter xml, GateCase c) throws XMLStreamException {
    String child =
        switch (c.status()) {
          case PASS -> null;
          case FAIL -> "failure";
          case ERROR -> "error";
          case SKIPPED -> "skipped";
        };
    boolean hasOutput = c.output() != null && !c.output().isEmpty();
    if (child == null && !hasOutput) {
      xml.writeEmptyElement("testcase");
      writeCaseAttributes(xml, c);
      return;
    }
    xml.writeStartElement("testcase");
    writeCaseAttributes(xml, c);
    if (child == null) {
      writeOutput(xml, c);
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      return;
    }
    xml.writeCharacters("\n    ");
    boolean hasDetails = c.details() != null && !c.details().isEmpty();
    if (hasDetails) {
      xml.writeStartElement(child);
    } else {
      xml.writeEmptyElement(child);
    }
    if (c.message() != null) {
      xml.writeAttribute("message", clean(c.message()));
    }
    if (c.status() != GateCase.Status.SKIPPED) {
      xml.writeAttribute("type", c.status() == GateCase.Status.FAIL ? "regression" : "error");
    }
    if (hasDetails) {
      xml.writeCharacters(clean(c.details()));
      xml.writeEndElement();
    }
    if (hasOutput) {
      writeOutput(xml, c);
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void writeOutput(XMLStreamWriter xml, GateCase c) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("system-out");
    xml.writeCharacters(clean(c.output()));
    xml.writeEndElement();
  }

  private void writeCaseAttributes(XMLStreamWriter xml, GateCase c) throws XMLStreamException {
    xml.writeAttribute("name", clean(c.name()));
    xml.writeAttribute("classname", CLASS_NAME);
    xml.writeAttribute("time", seconds(c.seconds()));
  }

  private static long count(List<GateCase> cases, GateCase.Status status) {
    return cases.stream().filter(c -> c.status() == status).count();
  }

  private static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  /** Replaces characters XML 1.0 cannot represent, escaped or not, with U+FFFD. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean allowed =
          cp == 0x9
              || cp == 0xA
              || cp == 0xD
              || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD)
              || (cp >= 0x10000 && cp <= 0x10FFFF);
      out.appendCodePoint(allowed ? cp : 0xFFFD);
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
