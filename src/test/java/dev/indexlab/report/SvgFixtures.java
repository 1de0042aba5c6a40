package dev.indexlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parsing and golden-file helpers for the SVG chart tests. */
final class SvgFixtures {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  private SvgFixtures() {}

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** Elements named {@code tag} whose class attribute is {@code cssClass}. */
  static List<Element> withClass(Document doc, String tag, String cssClass) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (e.getAttribute("class").equals(cssClass)) {
        found.add(e);
      }
    }
    return found;
  }

  /** The x of the first {@code <text>} whose content is exactly {@code content}. */
  static double textX(Document doc, String content) {
    NodeList texts = doc.getElementsByTagName("text");
    for (int i = 0; i < texts.getLength(); i++) {
      Element e = (Element) texts.item(i);
      if (e.getTextContent().equals(content)) {
        return Double.parseDouble(e.getAttribute("x"));
      }
    }
    throw new AssertionError("no text " + content);
  }

  static List<String> texts(Document doc) {
    List<String> found = new ArrayList<>();
    NodeList texts = doc.getElementsByTagName("text");
    for (int i = 0; i < texts.getLength(); i++) {
      found.add(texts.item(i).getTextContent());
    }
    return found;
  }

  /** Checks the rules that make an SVG render on GitHub. */
  static void assertGithubSafe(String svg) throws Exception {
    Element root = parse(svg).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(root.getAttribute("width")).isNotEmpty();
    assertThat(root.getAttribute("height")).isNotEmpty();
    assertThat(root.getAttribute("viewBox"))
        .isEqualTo("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"));
    assertThat(root.getAttribute("font-family")).isEqualTo("Helvetica, Arial, sans-serif");
    assertThat(svg)
        .doesNotContain("<script", "foreignObject", "<style", "style=", "@import", "href=\"http");
  }

  /**
   * Compares with {@code src/test/resources/golden/<name>}; run with {@code
   * -Dindexlab.golden.update=true} to rewrite the file after an intended change.
   */
  static void assertMatchesGolden(String name, String actual) throws Exception {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("indexlab.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file (create with -Dindexlab.golden.update=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
