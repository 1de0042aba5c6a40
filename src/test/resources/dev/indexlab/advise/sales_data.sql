-- Enough rows that the planner prefers an index for a selective lookup.
INSERT INTO "Sales"."Customer" ("customerId", region, code)
SELECT g, 'region ' || (g % 7), 'C' || g FROM generate_series(1, 2000) g;
INSERT INTO "Sales"."Country" (iso, name) VALUES ('DE', 'Germany'), ('FR', 'France'), ('NL', 'Netherlands');
INSERT INTO "Sales"."Warehouse" (site, bay)
SELECT 'site ' || s, b FROM generate_series(1, 5) s, generate_series(1, 20) b;
INSERT INTO "Sales"."OrderLine" ("customerId", country_iso, site, bay, created_at, note)
SELECT 1 + (g * 7919) % 2000,
       (ARRAY['DE', 'FR', 'NL'])[1 + g % 3],
       'site ' || (1 + g % 5),
       1 + g % 20,
       timestamp with time zone '2024-01-01' + g * interval '1 minute',
       md5(g::text)
  FROM generate_series(1, 60000) g;
INSERT INTO "Sales"."Shipment" ("customerId", site, bay, shipped_at, tracking)
SELECT 1 + g % 2000, 'site ' || (1 + g % 5), 1 + g % 20,
       timestamp with time zone '2024-01-01' + g * interval '1 hour', 'T' || g
  FROM generate_series(1, 3000) g;
ANALYZE;
