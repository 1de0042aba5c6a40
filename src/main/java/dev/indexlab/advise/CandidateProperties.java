package dev.indexlab.advise;

import dev.indexlab.check.CandidateFolderReader;
import dev.indexlab.check.CandidateKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The machine-readable side of a candidate folder, {@code candidate.properties}: name, kind,
 * description, the indexes ({@code index.N.*}, keys as {@code index.N.key.M.*}), the reasons
 * ({@code reason.N.*}, numbers as {@code reason.N.number.NAME}), the rewritten routes ({@code
 * rewrite.N.route}), {@code api.changes} ({@code true} for a rewrite that changes what the route
 * returns, kind {@link CandidateKind#API_REWRITE}) and the what-if verdict. Numbering starts at 1;
 * a reason's {@code statement} is 1-based like the header comment. Every key is optional; a
 * hand-written candidate may carry only {@code description}.
 */
final class CandidateProperties {
  static final String FILE = CandidateFolderReader.PROPERTIES;

  private CandidateProperties() {}

  /** The lines of the file, in a stable order, values escaped for {@link Properties#load}. */
  static List<String> lines(Candidate c, Optional<WhatIfResult> whatIf) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", c.name());
    p.put("kind", c.kind().name());
    p.put("description", c.description());
    for (int i = 0; i < c.indexes().size(); i++) {
      IndexSpec s = c.indexes().get(i);
      String pre = "index." + (i + 1) + ".";
      p.put(pre + "schema", s.schema());
      p.put(pre + "table", s.table());
      p.put(pre + "name", s.name());
      p.put(pre + "method", s.method());
      for (int k = 0; k < s.keys().size(); k++) {
        IndexKey key = s.keys().get(k);
        String kp = pre + "key." + (k + 1) + ".";
        p.put(kp + "column", key.column());
        p.put(kp + "descending", Boolean.toString(key.descending()));
        if (key.opclass() != null) {
          p.put(kp + "opclass", key.opclass());
        }
      }
    }
    for (int i = 0; i < c.reasons().size(); i++) {
      Reason r = c.reasons().get(i);
      String pre = "reason." + (i + 1) + ".";
      p.put(pre + "rule", r.rule().name());
      putIf(p, pre + "subject", r.subject());
      putIf(p, pre + "route", r.route());
      putIf(
          p, pre + "statement", r.statement() == null ? null : Integer.toString(r.statement() + 1));
      putIf(p, pre + "node", r.node());
      r.numbers().forEach((k, v) -> p.put(pre + "number." + k, Reason.format(v)));
      putIf(p, pre + "comment", r.comment());
    }
    for (int i = 0; i < c.rewrites().size(); i++) {
      p.put("rewrite." + (i + 1) + ".route", c.rewrites().get(i).routeId());
    }
    if (c.kind() == CandidateKind.API_REWRITE) {
      p.put(CandidateFolderReader.API_CHANGES, "true");
    }
    whatIf.ifPresent(
        w -> {
          p.put("whatif.verdict", w.verdict().name());
          p.put("whatif.summary", w.summary());
        });
    List<String> out = new ArrayList<>();
    p.forEach((k, v) -> out.add(k + "=" + escape(v)));
    return out;
  }

  /** The indexes described in {@code p}. */
  static List<IndexSpec> indexes(Properties p) {
    List<IndexSpec> specs = new ArrayList<>();
    for (int i = 1; p.getProperty("index." + i + ".table") != null; i++) {
      String pre = "index." + i + ".";
      List<IndexKey> keys = new ArrayList<>();
      for (int k = 1; p.getProperty(pre + "key." + k + ".column") != null; k++) {
        String kp = pre + "key." + k + ".";
        keys.add(
            new IndexKey(
                p.getProperty(kp + "column"),
                Boolean.parseBoolean(p.getProperty(kp + "descending")),
                p.getProperty(kp + "opclass")));
      }
      specs.add(
          new IndexSpec(
              p.getProperty(pre + "schema", "public"),
              p.getProperty(pre + "table"),
              p.getProperty(pre + "name"),
              p.getProperty(pre + "method", "btree"),
              keys));
    }
    return specs;
  }

  /** The reasons described in {@code p}; an unknown rule name reads as HAND_WRITTEN. */
  static List<Reason> reasons(Properties p) {
    List<Reason> reasons = new ArrayList<>();
    for (int i = 1; p.getProperty("reason." + i + ".rule") != null; i++) {
      String pre = "reason." + i + ".";
      Rule rule;
      try {
        rule = Rule.valueOf(p.getProperty(pre + "rule").trim());
      } catch (IllegalArgumentException e) {
        rule = Rule.HAND_WRITTEN;
      }
      Map<String, Double> numbers = new LinkedHashMap<>();
      String numberPrefix = pre + "number.";
      p.stringPropertyNames().stream()
          .filter(k -> k.startsWith(numberPrefix))
          .sorted()
          .forEach(k -> numbers.put(k.substring(numberPrefix.length()), number(p.getProperty(k))));
      String statement = p.getProperty(pre + "statement");
      reasons.add(
          new Reason(
              rule,
              p.getProperty(pre + "subject"),
              p.getProperty(pre + "route"),
              statement == null ? null : Integer.parseInt(statement.trim()) - 1,
              p.getProperty(pre + "node"),
              numbers,
              p.getProperty(pre + "comment", "")));
    }
    return reasons;
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static void putIf(Map<String, String> p, String key, String value) {
    if (value != null) {
      p.put(key, value);
    }
  }

  /** Escapes a value for a properties file read as UTF-8. */
  static String escape(String value) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case ' ' -> b.append(i == 0 ? "\\ " : " ");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
