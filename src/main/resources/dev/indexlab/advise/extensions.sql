-- Extensions the server could install, and the installed version (null when not installed).
SELECT name, installed_version FROM pg_available_extensions ORDER BY name
