package dev.indexlab.capture;

import java.util.List;
import java.util.Map;

/**
 * A captured statement as the parser read it: its verb ({@code SELECT}, {@code INSERT}, {@code
 * UPDATE}, {@code DELETE}), the table it is mainly about (the target of a write, the first table a
 * SELECT reads; null when there is none), every table it names, and what it does with each
 * placeholder it could read ({@code $n} by {@code n}).
 */
record ParsedStatement(
    String verb,
    ParameterUse.TableRef mainTable,
    List<ParameterUse.TableRef> tables,
    Map<Integer, ParameterUse> uses) {
  ParsedStatement {
    tables = List.copyOf(tables);
    uses = Map.copyOf(uses);
  }
}
