package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.db.ConnectionSpec;
import org.junit.jupiter.api.Test;

class TemplateCopiesTest {
  private final TemplateCopies copies =
      new TemplateCopies(
          new ConnectionSpec("jdbc:postgresql://localhost:5432/indexlab", "u", null));

  @Test
  void aShortNameIsTheTemplatesNameAndTheScenario() {
    assertThat(copies.databaseName("accepted-set")).isEqualTo("indexlab_accepted_set");
  }

  /** Two advisor ids on one table share their first 40 characters; their copies must not. */
  @Test
  void longNamesThatShareABeginningStayApart() {
    String a = copies.databaseName("accepted-with-idx_users_playlist_position_user_id_playlist_id");
    String b =
        copies.databaseName(
            "accepted-with-idx_users_playlist_position_user_id_playlist_id_created_at");
    assertThat(a).hasSize(63).startsWith("indexlab_accepted_with_idx_users_playlist_position");
    assertThat(b).hasSize(63);
    assertThat(a).isNotEqualTo(b);
    assertThat(copies.databaseName("accepted-with-idx_users_playlist_position_user_id_playlist_id"))
        .isEqualTo(a);
  }
}
