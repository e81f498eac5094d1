package dev.operators.kinsta.client.dto;

/** What an internal connection points at, with Kinsta's {@code target_type} spelling. */
public enum InternalConnectionTarget {
  DATABASE("dbResource"),
  APPLICATION("appResource"),
  ENVIRONMENT("envResource");

  private final String wireName;

  InternalConnectionTarget(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
