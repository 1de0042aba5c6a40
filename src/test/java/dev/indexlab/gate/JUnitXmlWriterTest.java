package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlWriterTest {
  private static final String NASTY = "p95 <went> from 1 & \"2\" to 'three' ]]> done";

  private static final List<GateCase> CASES =
      List.of(
          GateCase.pass("get library", 0.5),
          GateCase.fail(
              "delete user",
              1.25,
              NASTY,
              "before: Index Scan using song_history_user_id_idx\nafter:  Seq Scan on song_history"),
          GateCase.error("play playlist", 0.0, "connection refused\u001b[0m", null),
          GateCase.skipped("new route", "not in the baseline"));

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newDefaultInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void suiteCountsEveryOutcome() throws Exception {
    Element suite = parse(new JUnitXmlWriter().toXml(CASES)).getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("indexlab");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(suite.getAttribute("time")).isEqualTo("1.750");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(4);
    Element first = (Element) cases.item(0);
    assertThat(first.getAttribute("classname")).isEqualTo("indexlab.gate");
    assertThat(first.getAttribute("time")).isEqualTo("0.500");
    assertThat(first.getChildNodes().getLength()).isZero();
  }

  @Test
  void failureCarriesEscapedMessageAndDetails() throws Exception {
    String xml = new JUnitXmlWriter().toXml(CASES);
    Document doc = parse(xml);
    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element failure = (Element) failures.item(0);
    assertThat(failure.getAttribute("message")).isEqualTo(NASTY);
    assertThat(failure.getAttribute("type")).isEqualTo("regression");
    assertThat(failure.getTextContent()).contains("after:  Seq Scan on song_history");
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("delete user");
    Element error = (Element) doc.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo("connection refused\uFFFD[0m");
    Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).isEqualTo("not in the baseline");
  }

  @Test
  void outputIsDeterministicAndWritesFiles(@TempDir Path dir) throws Exception {
    JUnitXmlWriter writer = new JUnitXmlWriter();
    Path file = dir.resolve("gate.xml");
    writer.write(CASES, file);
    String fromFile = Files.readString(file);
    assertThat(fromFile).isEqualTo(writer.toXml(CASES));
    assertThat(fromFile).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite");
    assertThat(fromFile).doesNotContain("timestamp", "hostname");
  }

  @Test
  void emptySuiteIsValid() throws Exception {
    Element suite = parse(new JUnitXmlWriter().toXml(List.of())).getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("0");
    assertThat(suite.getAttribute("time")).isEqualTo("0.000");
  }
}
