-- Candidate: song_history_by_user (an index, then the table rewritten in its order)
-- Why: POST /users/delete/{user_id} cascades to the user's plays (song_history_user_id_fkey,
-- ON DELETE CASCADE), about 1,000 rows per user at scale 1. An index on song_history (user_id)
-- finds them, but a user's plays are scattered over the whole table (they arrive interleaved
-- with everybody else's): one user's 1,177 rows sit on 1,079 different heap pages, and the
-- cascade visits and dirties every one of them. CLUSTER rewrites song_history in
-- (user_id, created_at DESC) order, so a user's plays share a handful of pages, for the delete
-- and for mood refresh's "5 latest plays" alike.
-- Caveat: PostgreSQL does not keep the order. New plays go to the end of the table, so the
-- clustering decays as plays come in and has to be redone as maintenance (see production/).
CREATE INDEX song_history_user_latest_idx ON song_history (user_id, created_at DESC);
CLUSTER song_history USING song_history_user_latest_idx;
ANALYZE song_history;
