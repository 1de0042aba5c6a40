-- The parameter types the server inferred for a statement PREPAREd in this session, in order:
-- pg_type's name (what pgjdbc binds a typed value with) and the type as SQL spells it.
SELECT t.typname, format_type(t.oid, NULL) AS sql_type
FROM pg_prepared_statements p,
     unnest(p.parameter_types) WITH ORDINALITY AS u(type_oid, n)
JOIN pg_type t ON t.oid = u.type_oid::oid
WHERE p.name = ?
ORDER BY u.n
