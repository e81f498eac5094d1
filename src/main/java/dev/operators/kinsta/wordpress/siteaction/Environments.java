package dev.operators.kinsta.wordpress.siteaction;

import dev.operators.kinsta.wordpress.client.dto.Environment;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds an environment by id, name (`live`, `staging`) or display name. */
final class Environments {
  private Environments() {}

  static Optional<Environment> find(List<Environment> environments, String wanted) {
    return environments.stream()
        .filter(
            e ->
                wanted.equals(e.id())
                    || wanted.equalsIgnoreCase(e.name())
                    || wanted.equalsIgnoreCase(e.displayName()))
        .findFirst();
  }

  static String names(List<Environment> environments) {
    return environments.stream().map(Environment::name).collect(Collectors.joining(", "));
  }
}
