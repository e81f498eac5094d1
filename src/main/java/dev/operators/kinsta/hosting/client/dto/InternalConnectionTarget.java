package dev.operators.kinsta.hosting.client.dto;

/**
 * What an internal connection points at: written as {@code app} / {@code database}, read back as
 * {@code appResource} / {@code dbResource}.
 */
public enum InternalConnectionTarget {
  DATABASE("database", "dbResource"),
  APPLICATION("app", "appResource");

  private final String wireName;
  private final String listedName;

  InternalConnectionTarget(String wireName, String listedName) {
    this.wireName = wireName;
    this.listedName = listedName;
  }

  public String wireName() {
    return wireName;
  }

  public String listedName() {
    return listedName;
  }
}
