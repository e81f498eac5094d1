package dev.operators.kinsta.wordpress.client.dto;

import java.util.List;

/** A WordPress site; {@code environments} is filled when the listing asked for them. */
public record Site(
    String id,
    String name,
    String displayName,
    String companyId,
    String status,
    List<Environment> environments) {

  public List<Environment> environmentsOrEmpty() {
    return environments == null ? List.of() : environments;
  }
}
