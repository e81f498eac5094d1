package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings.PhpAllocation;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One difference between the spec and Kinsta, and the call that removes it. {@code call} returns
 * the operation to follow, or null when Kinsta applies the change synchronously.
 *
 * @param allocation the PHP allocation a {@link SiteOperation#CHANGE_PHP_ALLOCATION} sets, else
 *     null
 * @param destructive whether it removes something (an event is recorded before the call)
 */
record SettingChange(
    SiteOperation type,
    String environment,
    String value,
    @Nullable PhpAllocation allocation,
    boolean destructive,
    Function<KinstaApi, OperationRef> call,
    @Nullable String current) {

  SettingChange(
      SiteOperation type,
      String environment,
      String value,
      @Nullable PhpAllocation allocation,
      boolean destructive,
      Function<KinstaApi, OperationRef> call) {
    this(type, environment, value, allocation, destructive, call, null);
  }

  /** The same change, saying what Kinsta has now. */
  SettingChange from(@Nullable Object currentValue) {
    return new SettingChange(
        type,
        environment,
        value,
        allocation,
        destructive,
        call,
        currentValue == null ? "(not set)" : String.valueOf(currentValue));
  }

  /** The spec field the change brings about, e.g. {@code spec.environments.live.phpVersion}. */
  String field() {
    return "spec.environments." + environment + "." + type.specField();
  }

  /** What Kinsta has, as far as the planner said. */
  String currentOrDiffers() {
    return current == null ? "differs" : current;
  }

  /** A change Kinsta applies at once, with no operation to follow. */
  static Optional<SettingChange> synchronous(
      SiteOperation type, String environment, String value, Consumer<KinstaApi> call) {
    return Optional.of(
        new SettingChange(
            type,
            environment,
            value,
            null,
            false,
            api -> {
              call.accept(api);
              return null;
            }));
  }
}
