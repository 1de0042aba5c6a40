package dev.indexlab.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --scale}: a finite number greater than zero, such as 1, 0.01 or 2.5. */
final class ScaleConverter implements ITypeConverter<Double> {
  @Override
  public Double convert(String value) {
    double scale;
    try {
      scale = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a number; use for example 1 or 0.01");
    }
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new TypeConversionException("'" + value + "' must be a number greater than 0");
    }
    return scale;
  }
}
