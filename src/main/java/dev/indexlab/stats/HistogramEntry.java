package dev.indexlab.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * One entry of a histogram as a results file keeps it (see {@link LogHistogram#buckets()}): {@code
 * count} values between {@code from} and {@code to}, or, when the two are equal, {@code count}
 * values of exactly {@code from}.
 *
 * <p>In JSON an entry is an array read by position, as results files have always kept it: {@code
 * [from, to, count]} for a bucket, {@code [value, count]} for a value; the count is written as a
 * double ({@code 50.0}).
 *
 * @param from lower edge of the bucket, or the value
 * @param to upper edge of the bucket; {@code from} for a value
 * @param count how many samples the entry holds
 */
@JsonSerialize(using = HistogramEntry.Writer.class)
@JsonDeserialize(using = HistogramEntry.Reader.class)
public record HistogramEntry(double from, double to, double count) {

  /** {@code count} samples of exactly {@code value}. */
  public static HistogramEntry value(double value, double count) {
    return new HistogramEntry(value, value, count);
  }

  /** True for a single value, false for a bucket with two edges. */
  public boolean isValue() {
    return Double.compare(from, to) == 0;
  }

  /** Writes {@code [from, to, count]}, or {@code [value, count]} for a value. */
  static final class Writer extends StdSerializer<HistogramEntry> {
    Writer() {
      super(HistogramEntry.class);
    }

    @Override
    public void serialize(HistogramEntry e, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeStartArray();
      json.writeNumber(e.from);
      if (!e.isValue()) {
        json.writeNumber(e.to);
      }
      json.writeNumber(e.count);
      json.writeEndArray();
    }
  }

  /** Reads what {@link Writer} writes; any other length is an error naming it. */
  static final class Reader extends StdDeserializer<HistogramEntry> {
    Reader() {
      super(HistogramEntry.class);
    }

    @Override
    public HistogramEntry deserialize(JsonParser json, DeserializationContext context)
        throws IOException {
      double[] e = context.readValue(json, double[].class);
      return switch (e.length) {
        case 2 -> value(e[0], e[1]);
        case 3 -> new HistogramEntry(e[0], e[1], e[2]);
        default ->
            (HistogramEntry)
                context.handleUnexpectedToken(
                    HistogramEntry.class,
                    json.currentToken(),
                    json,
                    "a histogram entry is [from, to, count] or [value, count], not %d numbers",
                    e.length);
      };
    }
  }
}
