-- Which of the named tables exist (resolved through the search path).
SELECT t.name, to_regclass(t.name)::text AS relation
FROM unnest(?::text[]) AS t(name)
