package dev.indexlab;

/**
 * A setting the user gives on the command line, as a lower package names it in a message. Only
 * {@code cli} knows each setting's flag: a message holds the setting's mark ({@link #toString()},
 * e.g. {@code {SCALE}}), and {@code cli} puts the flag in its place when it prints the message, so
 * {@code Setting.SCALE + " 0: must be a number > 0"} reaches the user as {@code --scale 0: must be
 * a number > 0}. A message printed without passing through {@code cli} shows the mark, which still
 * says which setting was meant.
 */
public enum Setting {
  ROUTES;

  /** The mark that stands for this setting in a message: {@code {NAME}}. */
  @Override
  public String toString() {
    return "{" + name() + "}";
  }
}
