package dev.operators.kinsta.reconcile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A reason a condition or an event gives. Each kind keeps its own as an enum beside its reconciler,
 * the shared ones are {@link Reasons}; {@code docs/kinds.md} lists them all, with whether a stall
 * may clear ({@code ReasonsDocumentedTest} keeps both in step).
 */
public interface Reason {
  /** The enum constant's name, e.g. {@code SITE_NOT_FOUND}. */
  String name();

  /**
   * The reason as conditions and events show it: the constant's name in Pascal case, e.g. {@code
   * SiteNotFound}.
   */
  default String code() {
    return Arrays.stream(name().split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }

  /**
   * Whether a resource stalled for this reason is looked at again on its own, now and then: what it
   * waits for may change in Kinsta without a change of the spec (a site deleted by hand comes back,
   * a revoked key is restored). Every other stall waits for a new generation, Secret or request.
   */
  default boolean mayClear() {
    Class<?> type = this instanceof Enum<?> constant ? constant.getDeclaringClass() : getClass();
    try {
      return type.getField(name()).isAnnotationPresent(MayClear.class);
    } catch (NoSuchFieldException notAConstant) {
      return false;
    }
  }

  /** Marks a reason whose stall {@linkplain #mayClear() may clear}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  @interface MayClear {}
}
