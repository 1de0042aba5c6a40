package dev.indexlab.advise;

/**
 * One column of an index, in index order. {@code name} is the column name, or the expression's text
 * when {@code expression}. {@code key} is false for {@code INCLUDE} columns, which carry no order
 * and no operator class. {@code opclass} is the operator class name (empty for INCLUDE columns).
 */
record IndexColumn(
    String name, boolean expression, boolean descending, String opclass, boolean key) {}
