package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The per-object annotations: pause, reconcile now, poll interval. */
public final class ResourceControls {
  private ResourceControls() {}

  public static boolean paused(HasMetadata resource) {
    return "true"
        .equalsIgnoreCase(annotation(resource, ApiGroup.PAUSED_ANNOTATION).orElse("").strip());
  }

  /** Whether the approve annotation names {@code generation}. */
  public static boolean approved(HasMetadata resource, long generation) {
    return annotation(resource, ApiGroup.APPROVE_ANNOTATION)
        .map(String::strip)
        .filter(value -> value.equals(Long.toString(generation)))
        .isPresent();
  }

  public static Optional<String> reconcileRequest(HasMetadata resource) {
    return annotation(resource, ApiGroup.RECONCILE_REQUESTED_ANNOTATION);
  }

  /**
   * The poll interval the annotation asks for ({@code 30s}, {@code 2m}, {@code PT1M}); ignored when
   * unreadable.
   */
  /** The shortest and longest poll interval the annotation may set; a value outside is clamped. */
  public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);

  public static final Duration MAX_POLL_INTERVAL = Duration.ofHours(1);

  /**
   * The annotation's poll interval, within [1 s, 1 h]: the company's rate budget is shared, so one
   * resource must not poll it many times a second.
   */
  public static Optional<Duration> pollInterval(HasMetadata resource) {
    return annotation(resource, ApiGroup.POLL_INTERVAL_ANNOTATION)
        .flatMap(ResourceControls::duration)
        .filter(d -> !d.isNegative() && !d.isZero())
        .map(d -> d.compareTo(MIN_POLL_INTERVAL) < 0 ? MIN_POLL_INTERVAL : d)
        .map(d -> d.compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : d);
  }

  static Optional<Duration> duration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("pt")) {
        return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)));
      }
      if (value.endsWith("ms")) {
        return Optional.of(
            Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Optional.of(Duration.ofSeconds(amount));
        case 'm' -> Optional.of(Duration.ofMinutes(amount));
        case 'h' -> Optional.of(Duration.ofHours(amount));
        default -> Optional.empty();
      };
    } catch (NumberFormatException
        | DateTimeParseException
        | StringIndexOutOfBoundsException unreadable) {
      return Optional.empty();
    }
  }

  private static Optional<String> annotation(HasMetadata resource, String name) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations == null ? Optional.empty() : Optional.ofNullable(annotations.get(name));
  }
}
