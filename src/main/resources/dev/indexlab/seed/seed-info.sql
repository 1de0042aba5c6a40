-- What indexlab seeded into this database; one row, replaced on every seed.
-- TableChecksums skips tables named indexlab_%.
CREATE TABLE IF NOT EXISTS indexlab_seed_info (
    id               integer PRIMARY KEY CHECK (id = 1),
    workload         text        NOT NULL,
    generator        text        NOT NULL,
    scale            numeric     NOT NULL,
    seed             bigint      NOT NULL,
    row_counts       jsonb       NOT NULL,
    load_millis      bigint      NOT NULL,
    indexlab_version text        NOT NULL,
    seeded_at        timestamptz NOT NULL DEFAULT now()
)
