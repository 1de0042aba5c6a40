package dev.indexlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.CandidateReader;
import dev.indexlab.advise.WhatIfVerdict;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.testing.TestDatabases;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdviseCommandIT {
  @TempDir static Path dir;
  static ConnectionSpec db;
  static Path workload;

  @BeforeAll
  static void salesWorkload() throws Exception {
    String schema = resource("sales_schema.sql");
    db = TestDatabases.empty("advise_cli");
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute(schema);
      st.execute(resource("sales_data.sql"));
    }
    workload = Files.createDirectories(dir.resolve("sales"));
    Files.createDirectories(workload.resolve("schema"));
    Files.writeString(workload.resolve("schema/V1__sales.sql"), schema);
    Files.writeString(
        workload.resolve("orders_recent.sql"),
        String.join(
            "\n",
            "-- @route GET /customers/{id}/orders",
            "-- @param customer sample: SELECT \"customerId\" FROM \"Sales\".\"Customer\"",
            "-- @statement recent orders",
            "SELECT id, note FROM \"Sales\".\"OrderLine\" WHERE \"customerId\" = :customer",
            "ORDER BY created_at DESC LIMIT 5;",
            ""));
    Path hand = Files.createDirectories(workload.resolve("candidates/001_my_own_index"));
    Files.writeString(
        hand.resolve("V1001__my_own_index.sql"),
        "-- my own idea\nCREATE INDEX my_idx ON \"Sales\".\"OrderLine\" (site);\n");
  }

  private static String resource(String name) throws Exception {
    try (InputStream in =
        AdviseCommandIT.class.getResourceAsStream("/dev/indexlab/advise/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private record Run(int status, String out, String err) {}

  private static Run advise(String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "advise",
                "--db",
                db.jdbcUrl(),
                "--user",
                db.user(),
                "--workload",
                workload.toString()));
    args.addAll(List.of(extra));
    int status =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void proposesChecksAndWritesCandidatesKeepingHandWrittenOnes() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.walk(workload.resolve("candidates/001_my_own_index"))
        .filter(Files::isRegularFile)
        .forEach(
            f -> {
              try {
                Path to = out.resolve("001_my_own_index").resolve(f.getFileName());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Run r = advise("--force", "--invocations", "3", "--out", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("workload sample: 1 routes x 3 invocations")
        .contains("idx_orderline_customerid")
        .contains("UNINDEXED_FOREIGN_KEY OrderLine_customerId_fkey")
        .contains("drop_shipment_bay_idx")
        .contains("Not proposed:");
    List<CandidateFolder> folders = CandidateReader.read(out);
    assertThat(folders.get(0).candidate().name()).isEqualTo("my_own_index");
    CandidateFolder fk =
        folders.stream()
            .filter(f -> f.candidate().name().equals("idx_orderline_customerid"))
            .findFirst()
            .orElseThrow();
    assertThat(fk.number()).isEqualTo(2);
    assertThat(fk.whatIfVerdict()).contains(WhatIfVerdict.PLANNER_USES);
    assertThat(fk.migrations().get(0).getFileName().toString())
        .isEqualTo("V1002__idx_orderline_customerid.sql");
    assertThat(Files.readString(fk.migrations().get(0)))
        .contains("orders_recent statement 1 \"recent orders\"");
  }

  @Test
  void onAUsersServerWithoutForceItOnlyReadsTheCatalog() throws Exception {
    Path out = dir.resolve("catalog-only");
    Run r = advise("--out", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).contains("reading the catalog only; pass --force");
    assertThat(r.out()).contains("workload sample: none").contains("not run");
    assertThat(CandidateReader.read(out)).isNotEmpty().allMatch(f -> f.whatIfVerdict().isEmpty());
  }

  @Test
  void badOptionsAreUsageErrors() {
    Run r = advise("--invocations", "-1");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("indexlab: --invocations must be >= 0, was -1");
    Run missing = advise("--findings", dir.resolve("nope.json").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("--findings").contains("no such file");
  }

  @Test
  void aFindingsFileWrittenBeforeFindingsCarriedColumnRolesIsAUsageErrorInOneLine()
      throws Exception {
    Path old = dir.resolve("old-findings.json");
    Files.writeString(
        old,
        "[{\"kind\": \"SEQ_SCAN_REMOVES_MOST_ROWS\", \"routeId\": \"orders_recent\","
            + " \"statementIndex\": 0, \"nodePath\": \"/0/Plan\", \"nodeType\": \"Seq Scan\","
            + " \"relation\": \"Sales.OrderLine\", \"schema\": \"Sales\", \"table\": \"OrderLine\","
            + " \"columns\": [\"created_at\", \"customerId\"], \"numbers\": {\"rowsRemoved\": 990},"
            + " \"message\": \"Seq Scan on OrderLine reads 1,000 rows to return 10\"}]");
    Run r = advise("--findings", old.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().lines().toList())
        .singleElement()
        .isEqualTo(
            "indexlab: "
                + old
                + ": not a findings file: finding 1 (SEQ_SCAN_REMOVES_MOST_ROWS on"
                + " Sales.OrderLine) has no column roles: the file was written by an older"
                + " indexlab; run indexlab explain again to rewrite it");
  }
}
