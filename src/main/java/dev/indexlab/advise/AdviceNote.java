package dev.indexlab.advise;

/**
 * Something a rule looked at and deliberately did not propose, with the reason: a foreign key
 * already served by an index, a redundant index that backs a constraint, a finding on a column the
 * table does not have.
 */
record AdviceNote(Rule rule, String subject, String message) {
  @Override
  public String toString() {
    return rule + " " + subject + ": " + message;
  }
}
