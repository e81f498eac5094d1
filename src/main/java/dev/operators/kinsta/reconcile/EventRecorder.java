package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on a resource: only for condition transitions, destructive Kinsta calls
 * and action runs. A repeat (same resource, type and reason) updates the event already recorded, as
 * client-go's recorder does: its count and last time go up and its message becomes the newest, so
 * {@code kubectl describe} shows {@code RunSucceeded (x12 over 3h)} instead of twelve lines.
 * Messages are built by the controllers from ids and Kinsta's (already redacted) messages, never
 * from Secret contents.
 */
public final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "kinsta-operator";

  /** How many recent events are remembered for aggregation; older repeats start a new event. */
  private static final int REMEMBERED = 4096;

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Recorded> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
          return size() > REMEMBERED;
        }
      };

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void normal(HasMetadata resource, Reason reason, String message) {
    record(resource, "Normal", reason.code(), message);
  }

  /** A Ready or Stalled transition, with the reason its condition shows. */
  void transition(HasMetadata resource, boolean warning, String reasonCode, String message) {
    record(resource, warning ? "Warning" : "Normal", reasonCode, message);
  }

  public void warning(HasMetadata resource, Reason reason, String message) {
    record(resource, "Warning", reason.code(), message);
  }

  /**
   * Records an event that stands for one thing outside the operator (an activity-log entry), named
   * after it: recording it again, from another resource or after a restart, changes nothing.
   */
  public void once(
      HasMetadata resource, boolean warning, Reason reason, String message, String id) {
    String namespace = resource.getMetadata().getNamespace();
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    String name = resource.getMetadata().getName() + "." + id;
    try {
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(
              newEvent(
                  resource,
                  name,
                  warning ? "Warning" : "Normal",
                  reason.code(),
                  truncate(message),
                  now))
          .create();
    } catch (KubernetesClientException failed) {
      if (failed.getCode() != 409) {
        couldNotRecord(resource, reason.code(), failed);
      }
    }
  }

  private record Recorded(String name, int count) {}

  private void record(HasMetadata resource, String type, String reason, String message) {
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    String namespace = resource.getMetadata().getNamespace();
    String key = resource.getMetadata().getUid() + "/" + type + "/" + reason;
    String text = truncate(message);
    try {
      Recorded previous;
      synchronized (recent) {
        previous = recent.get(key);
      }
      if (previous != null && repeated(namespace, previous, text, now)) {
        remember(key, new Recorded(previous.name(), previous.count() + 1));
        return;
      }
      String name =
          resource.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8);
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(newEvent(resource, name, type, reason, text, now))
          .create();
      remember(key, new Recorded(name, 1));
    } catch (KubernetesClientException failed) {
      couldNotRecord(resource, reason, failed);
    }
  }

  /** An event is informational; failing to record one must not fail the reconcile. */
  private static void couldNotRecord(
      HasMetadata resource, String reason, KubernetesClientException failed) {
    LOG.debug(
        "Could not record event {} on {}/{}: {}",
        reason,
        resource.getMetadata().getNamespace(),
        resource.getMetadata().getName(),
        failed.getMessage());
  }

  /**
   * Counts a repeat on the event recorded before; false when that event is gone (expired or
   * deleted).
   */
  private boolean repeated(String namespace, Recorded previous, String message, String now) {
    Event patch =
        new EventBuilder()
            .withCount(previous.count() + 1)
            .withLastTimestamp(now)
            .withMessage(message)
            .build();
    try {
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .withName(previous.name())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      return true;
    } catch (KubernetesClientException failed) {
      if (failed.getCode() == 404) {
        return false;
      }
      throw failed;
    }
  }

  private void remember(String key, Recorded recorded) {
    synchronized (recent) {
      recent.put(key, recorded);
    }
  }

  private static Event newEvent(
      HasMetadata resource, String name, String type, String reason, String message, String now) {
    String namespace = resource.getMetadata().getNamespace();
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withInvolvedObject(
            new ObjectReferenceBuilder()
                .withApiVersion(resource.getApiVersion())
                .withKind(resource.getKind())
                .withName(resource.getMetadata().getName())
                .withNamespace(namespace)
                .withUid(resource.getMetadata().getUid())
                .build())
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .build();
  }

  private static String truncate(String message) {
    return message == null ? "" : message.length() > 1000 ? message.substring(0, 1000) : message;
  }
}
