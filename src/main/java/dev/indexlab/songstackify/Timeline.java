package dev.indexlab.songstackify;

import dev.indexlab.seed.RowRandom;

/**
 * The seeded data's calendar, in epoch milliseconds, fixed by the seed instead of the clock so that
 * the same seed gives the same timestamps: the catalog (songs and their links) fills during the
 * first 60 days, users sign up over days 5–95, and song_history runs from day 100 for 180 days, in
 * id order (a row's id is its play order). The origin is a day of 2023 chosen by the seed.
 */
final class Timeline {
  private static final long DAY = 86_400_000L;
  private static final long ORIGIN_2023 = 1_672_531_200_000L; // 2023-01-01T00:00:00Z
  private static final long JITTER = 41;

  private final long seed;
  private final long origin;

  Timeline(long seed) {
    this.seed = seed;
    this.origin = ORIGIN_2023 + RowRandom.below(RowRandom.hash(seed, JITTER, -1), 365) * DAY;
  }

  /** When song {@code id} (1-based, of {@code count}) entered the catalog. */
  long song(long id, long count) {
    return spread(origin, 60 * DAY, id - 1, count, 1);
  }

  /** When user {@code id} signed up. */
  long user(long id, long count) {
    return spread(origin + 5 * DAY, 90 * DAY, id - 1, count, 2);
  }

  /** When the {@code index}-th (0-based) of {@code count} song_history rows was played. */
  long play(long index, long count) {
    return spread(historyStart(), 180 * DAY, index, count, 3);
  }

  /** When ad campaign {@code id} was created: anywhere in the history period. */
  long adCampaign(long id) {
    return historyStart() + Long.remainderUnsigned(RowRandom.hash(seed, JITTER + 4, id), 180 * DAY);
  }

  /** When user {@code id}'s mood was last computed: during the last day of the history. */
  long moodUpdate(long id) {
    return historyEnd() - 1 - Long.remainderUnsigned(RowRandom.hash(seed, JITTER + 5, id), DAY);
  }

  private long historyStart() {
    return origin + 100 * DAY;
  }

  private long historyEnd() {
    return historyStart() + 180 * DAY;
  }

  /** Evenly spread over {@code span}, non-decreasing in {@code index}, jittered within a step. */
  private long spread(long start, long span, long index, long count, int purpose) {
    long step = Math.max(1, span / Math.max(1, count));
    long jitter = Long.remainderUnsigned(RowRandom.hash(seed, JITTER + purpose, index), step);
    return start + (long) ((double) index / count * span) / step * step + jitter;
  }
}
