-- The cascade into likes (30,000 rows): small against the others.
CREATE INDEX likes_artist_id_idx ON likes (artist_id);
