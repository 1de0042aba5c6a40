package dev.indexlab.capture;

/**
 * One message of a server log, whatever its format: the line it starts on, the database it names
 * (null when the format does not say), its severity ({@code LOG}, {@code ERROR}...), its message
 * and its DETAIL (null when none).
 */
record LogRecord(int line, String database, String severity, String message, String detail) {}
