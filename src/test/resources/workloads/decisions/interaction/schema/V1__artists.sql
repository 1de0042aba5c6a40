-- Artists and three tables that reference them, none with an index on artist_id.
CREATE TABLE artists (
    id bigint PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE plays (
    id bigint PRIMARY KEY,
    artist_id bigint NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    played_at timestamptz NOT NULL
);

CREATE TABLE tours (
    id bigint PRIMARY KEY,
    artist_id bigint NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    city text NOT NULL
);

CREATE TABLE likes (
    id bigint PRIMARY KEY,
    artist_id bigint NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    liked_at timestamptz NOT NULL
);

INSERT INTO artists (id, name)
SELECT g, 'artist ' || g FROM generate_series(1, 20000) AS g;

INSERT INTO plays (id, artist_id, played_at)
SELECT g, 1 + (g * 7) % 20000, timestamptz '2024-01-01' + g * interval '1 minute'
FROM generate_series(1, 800000) AS g;

INSERT INTO tours (id, artist_id, city)
SELECT g, 1 + (g * 11) % 20000, 'city ' || (g % 90)
FROM generate_series(1, 160000) AS g;

INSERT INTO likes (id, artist_id, liked_at)
SELECT g, 1 + (g * 13) % 20000, timestamptz '2024-01-01' + g * interval '1 hour'
FROM generate_series(1, 30000) AS g;
