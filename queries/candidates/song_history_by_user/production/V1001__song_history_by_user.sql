-- The migration to ship for song_history_by_user. The index builds without blocking writes;
-- CLUSTER then rewrites song_history under an ACCESS EXCLUSIVE lock (reads and writes of the
-- table wait until it is done: about as long as the test migration's build time, more on a
-- bigger table). lock_timeout makes it give up rather than queue every request behind it.
-- Where that lock is too long, run pg_repack --table=song_history --order-by="user_id, created_at DESC"
-- instead of the CLUSTER statement. Either way, redo it from time to time: new plays are
-- appended at the end of the table, out of order.
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS song_history_user_latest_idx ON song_history (user_id, created_at DESC);
CLUSTER song_history USING song_history_user_latest_idx;
ANALYZE song_history;
RESET lock_timeout;
