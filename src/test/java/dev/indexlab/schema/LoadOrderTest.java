package dev.indexlab.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOrderTest {
  private static final TableName ORDERS = new TableName("shop", "orders");
  private static final TableName ITEMS = new TableName("shop", "order_items");
  private static final TableName BOOKS = new TableName("shop", "books");
  private static final TableName REVIEWS = new TableName("shop", "Reviews");
  private static final TableName AUTHORS = new TableName("shop", "authors");

  @Test
  void parentsComeFirstAndTiesKeepTheGivenOrder() {
    List<LoadOrder.Edge> edges =
        List.of(
            new LoadOrder.Edge(ITEMS, ORDERS, "items_order_fkey", false),
            new LoadOrder.Edge(ITEMS, BOOKS, "items_book_fkey", false),
            new LoadOrder.Edge(REVIEWS, BOOKS, "Reviews_book_fkey", false),
            new LoadOrder.Edge(BOOKS, AUTHORS, "books_author_fkey", false),
            new LoadOrder.Edge(AUTHORS, AUTHORS, "authors_mentor_fkey", false),
            new LoadOrder.Edge(BOOKS, new TableName("shop", "genres"), "books_genre_fkey", false));
    List<TableName> order =
        LoadOrder.sort(
            List.of(REVIEWS, ITEMS, ORDERS, BOOKS, AUTHORS), edges, LoadProblems.failFast());
    assertThat(order).containsExactly(ORDERS, AUTHORS, BOOKS, REVIEWS, ITEMS);
  }

  @Test
  void aCycleIsReportedWithItsConstraintsUnlessDeferrable() {
    List<LoadOrder.Edge> cycle =
        List.of(
            new LoadOrder.Edge(BOOKS, AUTHORS, "books_author_fkey", false),
            new LoadOrder.Edge(AUTHORS, BOOKS, "authors_best_book_fkey", false));
    assertThatThrownBy(
            () -> LoadOrder.sort(List.of(BOOKS, AUTHORS), cycle, LoadProblems.failFast()))
        .isInstanceOf(IndexlabException.class)
        .hasMessage(
            "data/: foreign keys form a cycle: shop.books -> shop.authors (books_author_fkey)"
                + " -> shop.books (authors_best_book_fkey); make one of them DEFERRABLE, or load"
                + " those rows from a data/*.sql file");

    List<LoadOrder.Edge> deferrable =
        List.of(cycle.get(0), new LoadOrder.Edge(AUTHORS, BOOKS, "authors_best_book_fkey", true));
    assertThat(LoadOrder.sort(List.of(BOOKS, AUTHORS), deferrable, LoadProblems.failFast()))
        .containsExactly(AUTHORS, BOOKS);
  }
}
