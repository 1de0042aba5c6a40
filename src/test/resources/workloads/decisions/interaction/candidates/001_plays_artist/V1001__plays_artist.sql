-- The cascade into plays (400,000 rows) dominates the delete.
CREATE INDEX plays_artist_id_idx ON plays (artist_id);
