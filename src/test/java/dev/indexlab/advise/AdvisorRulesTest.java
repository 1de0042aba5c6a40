package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.check.CandidateKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvisorRulesTest {
  static CatalogTable table(String name, long rows, String... columns) {
    Map<String, String> quoted = new LinkedHashMap<>();
    for (String c : columns) {
      quoted.put(c, c);
    }
    return new CatalogTable(
        "public",
        name,
        "public." + name,
        rows,
        rows,
        rows * 100,
        List.of(columns),
        quoted,
        false,
        0,
        null,
        null);
  }

  static CatalogIndex index(String table, String name, String method, String... keys) {
    List<IndexColumn> cols = new ArrayList<>();
    for (String k : keys) {
      String[] p = k.split(" ");
      boolean desc = p.length > 1 && p[1].equals("DESC");
      String opclass = p.length > 1 && !desc ? p[1] : "int8_ops";
      cols.add(new IndexColumn(p[0], false, desc, opclass, true));
    }
    return new CatalogIndex(
        "public",
        table,
        name,
        "public." + name,
        method,
        false,
        false,
        true,
        cols,
        null,
        8192,
        0,
        "CREATE INDEX " + name,
        null,
        false,
        0,
        null);
  }

  static final CatalogTable HISTORY =
      table("song_history", 919_039, "id", "created_at", "user_id", "song_id");
  static final CatalogTable SONGS = table("songs", 77_803, "id", "song_name", "artist");

  static Catalog catalog(CatalogIndex... indexes) {
    return new Catalog(List.of(HISTORY, SONGS), List.of(indexes), List.of(), Map.of("pg_trgm", ""));
  }

  @Test
  void seqScanFindingGivesEqualityColumnsThenRangeColumns() {
    PlanFinding f =
        PlanFindings.seqScan(
            null,
            "song_history",
            List.of("user_id"),
            List.of("created_at", "user_id"),
            "mood_refresh",
            0,
            "Plan/Plans[0]",
            null,
            Map.of("rowsRemoved", 918_000.0, "rowsReturned", 1000.0));
    Advice a = Advising.advise(catalog(), List.of(f), Optional.empty());
    Candidate c = a.candidates().get(0);
    assertThat(c.statements())
        .containsExactly(
            "CREATE INDEX song_history_user_id_created_at_idx ON public.song_history"
                + " (user_id, created_at)");
    assertThat(c.reasons().get(0).comment())
        .contains("route mood_refresh, statement 1")
        .contains("removes 918,000 rows to keep 1,000");
  }

  @Test
  void orderLimitFindingKeepsTheSortDirectionAndMergesWithTheSameProposal() {
    PlanFinding f =
        PlanFindings.orderLimit(
            "public",
            "song_history",
            List.of("user_id"),
            List.of(new IndexKey("created_at", true, null)),
            "mood_refresh",
            1,
            "Limit/Sort",
            Map.of());
    PlanFinding again =
        PlanFindings.orderLimit(
            "public",
            "song_history",
            List.of("user_id"),
            List.of(new IndexKey("created_at", true, null)),
            "history_page",
            0,
            "Limit/Sort",
            Map.of());
    Advice a = Advising.advise(catalog(), List.of(f, again), Optional.empty());
    assertThat(a.candidates()).hasSize(1);
    Candidate c = a.candidates().get(0);
    assertThat(c.name()).isEqualTo("idx_song_history_user_id_created_at");
    assertThat(c.statements().get(0)).endsWith("(user_id, created_at DESC)");
    assertThat(c.reasons())
        .extracting(Reason::route)
        .containsExactly("mood_refresh", "history_page");
  }

  @Test
  void aProposalAnotherOneLeadsWithIsFoldedIntoTheLongerIndex() {
    PlanFinding scan =
        PlanFindings.seqScan(
            null,
            "song_history",
            List.of("user_id"),
            List.of("user_id"),
            "users_delete",
            1,
            "Plan/Plans[0]",
            null,
            Map.of("rowsRemoved", 918_000.0, "rowsReturned", 1000.0));
    PlanFinding latest =
        PlanFindings.orderLimit(
            "public",
            "song_history",
            List.of("user_id"),
            List.of(new IndexKey("created_at", true, null)),
            "mood_refresh",
            1,
            "Limit/Sort",
            Map.of());
    PlanFinding bySong =
        PlanFindings.seqScan(
            null,
            "song_history",
            List.of("song_id"),
            List.of("song_id"),
            "song_remove",
            1,
            "Plan/Plans[0]",
            null,
            Map.of("rowsRemoved", 918_000.0, "rowsReturned", 50.0));
    Advice a = Advising.advise(catalog(), List.of(scan, latest, bySong), Optional.empty());
    assertThat(a.candidates())
        .extracting(c -> c.indexes().get(0).describe())
        .containsExactlyInAnyOrder(
            "song_history (user_id, created_at DESC)", "song_history (song_id)");
    Candidate folded =
        a.candidates().stream()
            .filter(c -> c.indexes().get(0).keys().size() == 2)
            .findFirst()
            .get();
    assertThat(folded.reasons())
        .extracting(Reason::route)
        .containsExactlyInAnyOrder("mood_refresh", "users_delete");
    assertThat(a.notes())
        .anySatisfy(
            n ->
                assertThat(n.message())
                    .isEqualTo(
                        "served by the proposed song_history (user_id, created_at DESC), which"
                            + " leads with it"));
  }

  @Test
  void foldingNeedsTheSameColumnsInTheSameOrReversedDirections() {
    CatalogTable t = table("t", 1000, "a", "b", "c");
    Proposal.Part ab = new Proposal.Part(t, "btree", List.of(IndexKey.asc("a"), IndexKey.asc("b")));
    Proposal.Part abDescC =
        new Proposal.Part(
            t,
            "btree",
            List.of(
                new IndexKey("a", true, null), new IndexKey("b", true, null), IndexKey.asc("c")));
    Proposal.Part aDescBc =
        new Proposal.Part(
            t,
            "btree",
            List.of(new IndexKey("a", true, null), IndexKey.asc("b"), IndexKey.asc("c")));
    Proposal.Part ba = new Proposal.Part(t, "btree", List.of(IndexKey.asc("b"), IndexKey.asc("a")));
    assertThat(PrefixFolding.covers(abDescC, ab)).isTrue();
    assertThat(PrefixFolding.covers(aDescBc, ab)).isFalse();
    assertThat(PrefixFolding.covers(ba, ab)).isFalse();
    assertThat(PrefixFolding.covers(ab, ab)).isFalse();
  }

  @Test
  void anIndexIsServedByOneThatLeadsWithItsColumnsInTheSameOrReversedDirections() {
    IndexSpec userId =
        new IndexSpec("public", "song_history", "a", "btree", List.of(IndexKey.asc("user_id")));
    IndexSpec latest =
        new IndexSpec(
            "public",
            "song_history",
            "b",
            "btree",
            List.of(IndexKey.asc("user_id"), new IndexKey("created_at", true, null)));
    IndexSpec latestReversed =
        new IndexSpec(
            "public",
            "song_history",
            "c",
            "btree",
            List.of(new IndexKey("user_id", true, null), IndexKey.asc("created_at")));
    IndexSpec other =
        new IndexSpec("public", "songs", "d", "btree", List.of(IndexKey.asc("user_id")));
    assertThat(userId.servedBy(latest)).isTrue();
    assertThat(latest.servedBy(latest)).isTrue();
    assertThat(latest.servedBy(latestReversed)).isTrue();
    assertThat(latest.servedBy(userId)).isFalse();
    assertThat(userId.servedBy(other)).isFalse();
  }

  private static Candidate running(String name, String... statements) {
    return new Candidate(
        name, CandidateKind.CREATE_INDEX, List.of(), List.of(statements), List.of(), "", List.of());
  }

  @Test
  void aCandidateThatClustersOnItsIndexIsMoreThanTheIndex() {
    Candidate plain = running("p", "CREATE INDEX i ON t (a)", "ANALYZE t");
    Candidate clustered = running("c", "CREATE INDEX i ON t (a)", "CLUSTER t USING i", "ANALYZE t");
    assertThat(plain.onlyBuildsIndexes()).isTrue();
    assertThat(clustered.onlyBuildsIndexes()).isFalse();
    // what the end of a run can see by comparing indexes and table files
    Candidate fillfactor =
        running("f", "CREATE INDEX i ON t (a)", "ALTER TABLE t SET (fillfactor = 80)");
    assertThat(plain.changesOnlyIndexesAndOrder()).isTrue();
    assertThat(clustered.changesOnlyIndexesAndOrder()).isTrue();
    assertThat(fillfactor.changesOnlyIndexesAndOrder()).isFalse();
    // an unnamed or unique index is an index all the same
    Candidate unnamed =
        running("u", "CREATE INDEX ON t (a)", "create unique index\n  ON t (b)", "ANALYZE t");
    assertThat(unnamed.onlyBuildsIndexes()).isTrue();
  }

  @Test
  void anExistingIndexInEitherDirectionServesTheOrderedFinding() {
    CatalogIndex existing = index("song_history", "h_idx", "btree", "user_id", "created_at");
    PlanFinding f =
        PlanFindings.orderLimit(
            null,
            "song_history",
            List.of("user_id"),
            List.of(new IndexKey("created_at", true, null)),
            "r",
            0,
            null,
            Map.of());
    Advice a = Advising.advise(catalog(existing), List.of(f), Optional.empty());
    assertThat(a.candidates()).isEmpty();
    assertThat(a.notes()).singleElement().satisfies(n -> assertThat(n.message()).contains("h_idx"));
  }

  @Test
  void leadingWildcardOnTwoColumnsIsOneCandidateWithTwoTrigramIndexes() {
    PlanFinding f =
        PlanFindings.leadingWildcard(
            null,
            "songs",
            List.of("song_name", "artist", "nope"),
            "song_search",
            1,
            null,
            Map.of());
    Advice a = Advising.advise(catalog(), List.of(f), Optional.empty());
    Candidate c = a.candidates().get(0);
    assertThat(c.kind()).isEqualTo(CandidateKind.EXTENSION_INDEX);
    assertThat(c.name()).isEqualTo("trgm_songs_song_name_artist");
    assertThat(c.statements())
        .containsExactly(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            "CREATE INDEX songs_song_name_trgm_idx ON public.songs USING gin (song_name gin_trgm_ops)",
            "CREATE INDEX songs_artist_trgm_idx ON public.songs USING gin (artist gin_trgm_ops)");
    assertThat(a.notes()).anySatisfy(n -> assertThat(n.message()).contains("nope is not a column"));

    Catalog without = new Catalog(List.of(SONGS), List.of(), List.of(), Map.of());
    Advice none = Advising.advise(without, List.of(f), Optional.empty());
    assertThat(none.candidates()).isEmpty();
    assertThat(none.notes()).anySatisfy(n -> assertThat(n.message()).contains("pg_trgm"));
  }

  @Test
  void coverageCountsLeadingColumnsInAnyOrderOnly() {
    CatalogIndex ab = index("t", "ab", "btree", "a", "b", "c");
    assertThat(IndexCoverage.leadsWith(ab, List.of("b", "a"))).isTrue();
    assertThat(IndexCoverage.leadsWith(ab, List.of("a"))).isTrue();
    assertThat(IndexCoverage.leadsWith(ab, List.of("b"))).isFalse();
    assertThat(IndexCoverage.leadsWith(ab, List.of("a", "c"))).isFalse();
    assertThat(IndexCoverage.leadsWith(index("t", "g", "gin", "a"), List.of("a"))).isFalse();
    assertThat(IndexCoverage.leadsWith(index("t", "h", "hash", "a"), List.of("a"))).isTrue();
    CatalogIndex mixed = index("t", "m", "btree", "a", "b DESC", "c");
    assertThat(
            IndexCoverage.servesOrdered(
                mixed, List.of("a"), List.of(IndexKey.asc("b"), new IndexKey("c", true, null))))
        .isTrue();
    assertThat(
            IndexCoverage.servesOrdered(
                mixed, List.of("a"), List.of(IndexKey.asc("b"), IndexKey.asc("c"))))
        .isFalse();
  }

  @Test
  void twinIndexesDropOnlyOneOfThePair() {
    CatalogIndex x = index("t", "x_idx", "btree", "a");
    CatalogIndex y = index("t", "y_idx", "btree", "a");
    assertThat(DropRules.coveredBy(x, y)).isFalse();
    assertThat(DropRules.coveredBy(y, x)).isTrue();
    CatalogIndex gin = index("t", "g", "gin", "a");
    CatalogIndex gin2 = index("t", "g2", "gin", "a", "b");
    assertThat(DropRules.coveredBy(gin, gin2)).isFalse();
  }

  @Test
  void namesFitPostgresIdentifierLength() {
    String name = CandidateNames.fit("a".repeat(80), "_idx");
    assertThat(name).hasSize(63).endsWith("_idx");
    assertThat(CandidateNames.slug("OrderLine_customerId")).isEqualTo("orderline_customerid");
    assertThat(CandidateNames.unique("x", n -> n.equals("x") || n.equals("x_2"))).isEqualTo("x_3");
  }

  @Test
  void planSummaryReadsCostAndIndexNames() {
    String json =
        "[{\"Plan\": {\"Node Type\": \"ModifyTable\", \"Total Cost\": 2185.37, \"Plans\": ["
            + "{\"Node Type\": \"Bitmap Heap Scan\", \"Plans\": [{\"Node Type\": \"Bitmap Index Scan\","
            + " \"Index Name\": \"song_history_user_id_idx\"}]}]}}]";
    PlanSummary p = PlanSummary.parse(json);
    assertThat(p.totalCost()).isEqualTo(2185.37);
    assertThat(p.indexNames()).containsExactly("song_history_user_id_idx");
  }
}
