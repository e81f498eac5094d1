package dev.operators.kinsta.site;

import dev.operators.kinsta.client.KinstaApi;
import dev.operators.kinsta.client.dto.OperationRef;
import java.util.function.Function;

/**
 * One difference between the spec and Kinsta, and the call that removes it. {@code call} returns the operation
 * to follow, or null when Kinsta applies the change synchronously.
 *
 * @param destructive whether it removes something (an event is recorded before the call)
 */
record SettingChange(String type, String environment, String value, boolean destructive,
    Function<KinstaApi, OperationRef> call) {
}
