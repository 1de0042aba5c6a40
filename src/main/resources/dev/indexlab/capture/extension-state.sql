-- Is pg_stat_statements preloaded, and is the extension created in this database?
SELECT current_setting('shared_preload_libraries') AS preload,
       EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS created,
       current_database() AS database
