package dev.indexlab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration every file indexlab reads or writes goes through.
 *
 * <pre>{@code
 * Json.pretty().writeValue(file.toFile(), baseline);
 * Baseline b = Json.mapper().readValue(text, Baseline.class);
 * }</pre>
 *
 * <p>Reading ignores properties the model does not know, so a file written by a newer indexlab
 * still loads; {@link #strictReader} is for the files whose every property must be understood.
 * Writing is compact unless through {@link #pretty}. The mapper is shared and thread-safe once
 * built: configure a writer or reader from it, never the mapper itself.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Json() {}

  /** The shared mapper: compact writing, reading that ignores unknown properties. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A writer that indents with Jackson's default pretty printer. */
  public static ObjectWriter pretty() {
    return MAPPER.writerWithDefaultPrettyPrinter();
  }

  /** A reader of {@code type} that fails on a property the model does not know. */
  public static ObjectReader strictReader(Class<?> type) {
    return MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
