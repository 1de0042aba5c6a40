package dev.indexlab.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a percentage such as {@code 20%} or {@code 20} (both mean 20%) into a fraction (0.20). It
 * must be a finite number, at least 0.
 */
final class PercentConverter implements ITypeConverter<Double> {
  @Override
  public Double convert(String value) {
    String text = value.trim();
    if (text.endsWith("%")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    double percent;
    try {
      percent = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a percentage; use for example 20%");
    }
    if (!(percent >= 0) || Double.isInfinite(percent)) {
      throw new TypeConversionException("'" + value + "' must be a percentage of at least 0%");
    }
    return percent / 100;
  }
}
