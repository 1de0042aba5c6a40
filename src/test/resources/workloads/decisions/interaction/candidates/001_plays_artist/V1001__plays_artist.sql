-- The cascade into plays (800,000 rows) dominates the delete.
CREATE INDEX plays_artist_id_idx ON plays (artist_id);
