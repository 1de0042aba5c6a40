-- Items to look up, by key and by name.
CREATE TABLE items (
    id bigint PRIMARY KEY,
    name text NOT NULL
);
CREATE INDEX items_name_index ON items (name);

-- How long pause() sleeps, in ms: slow_ms until route steady has been called slow_until_steady
-- times (counted by a sequence, which a rolled-back transaction does not roll back), ms after.
CREATE TABLE pause (
    ms double precision NOT NULL,
    slow_ms double precision NOT NULL,
    slow_until_steady bigint NOT NULL
);
CREATE SEQUENCE steady_calls;

CREATE FUNCTION pause() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  p pause%ROWTYPE;
  steady bigint;
BEGIN
  SELECT * INTO p FROM pause;
  SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO steady FROM steady_calls;
  IF steady < p.slow_until_steady THEN
    PERFORM pg_sleep(p.slow_ms / 1000.0);
  ELSE
    PERFORM pg_sleep(p.ms / 1000.0);
  END IF;
END;
$$;

CREATE FUNCTION steady() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('steady_calls');
  PERFORM pg_sleep(0.001);
END;
$$;
