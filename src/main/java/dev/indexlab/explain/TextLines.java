package dev.indexlab.explain;

import java.util.ArrayList;
import java.util.List;

/** The lines of a text plan being built; an indent level is two spaces, as in EXPLAIN. */
final class TextLines {
  private final List<String> lines = new ArrayList<>();

  void add(int indent, String text) {
    lines.add("  ".repeat(Math.max(0, indent)) + text);
  }

  void addAll(TextLines other) {
    lines.addAll(other.lines);
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  int size() {
    return lines.size();
  }

  String get(int i) {
    return lines.get(i);
  }

  void set(int i, String line) {
    lines.set(i, line);
  }

  List<String> toList() {
    return List.copyOf(lines);
  }
}
