-- Candidate: playlist_next_entry (an index plus a query rewrite)
-- Why: GET /playlist/{playlist_id}/play finds the next entry of a playlist with
-- LEAD(id) OVER (PARTITION BY playlist_id ORDER BY id) computed over every playlist_songs row
-- (202,899 at scale 1) to return one row. The rewrite (rewrite/*.sql) asks for the first
-- entry after the current one in the same playlist; this composite index answers it with one
-- short index range scan. The playlist routes also read a playlist's entries in id order.
CREATE INDEX playlist_songs_playlist_id_id_idx ON playlist_songs (playlist_id, id);
