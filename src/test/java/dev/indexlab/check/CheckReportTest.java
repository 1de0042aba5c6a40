package dev.indexlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportTest {
  @Test
  void summaryCountsWithPlurals() {
    assertThat(new CheckReport(List.of(), List.of(), 5, 1, "8 tables").summary())
        .isEqualTo("workload OK: 5 routes, 1 candidate, schema: 8 tables");
    assertThat(new CheckReport(List.of("a.sql:1: x"), List.of(), 1, 0, "1 table").summary())
        .isEqualTo("workload has 1 problem: 1 route, 0 candidates, schema: 1 table");
  }
}
