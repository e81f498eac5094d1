package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.jspecify.annotations.Nullable;

/** Statuses compared and copied as the API server sees them: as JSON. */
final class StatusJson {
  static final KubernetesSerialization JSON = new KubernetesSerialization();

  private StatusJson() {}

  static boolean same(@Nullable Object a, @Nullable Object b) {
    return JSON.asJson(a).equals(JSON.asJson(b));
  }

  static <S> S copy(S status, Class<S> type) {
    return JSON.convertValue(status, type);
  }
}
