package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on a resource: only for condition transitions and destructive Kinsta calls. Messages
 * are built by the controllers from ids and Kinsta's (already redacted) messages, never from Secret contents.
 */
public final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "kinsta-operator";

  private final KubernetesClient client;
  private final Clock clock;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void normal(HasMetadata resource, String reason, String message) {
    record(resource, "Normal", reason, message);
  }

  public void warning(HasMetadata resource, String reason, String message) {
    record(resource, "Warning", reason, message);
  }

  private void record(HasMetadata resource, String type, String reason, String message) {
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    String namespace = resource.getMetadata().getNamespace();
    var event = new EventBuilder()
        .withNewMetadata()
        .withName(resource.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
        .withNamespace(namespace)
        .endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(resource.getApiVersion())
            .withKind(resource.getKind()).withName(resource.getMetadata().getName()).withNamespace(namespace)
            .withUid(resource.getMetadata().getUid()).build())
        .withType(type).withReason(reason).withMessage(truncate(message))
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException failed) {
      // An event is informational; failing to record one must not fail the reconcile.
      LOG.debug("Could not record event {} on {}/{}: {}", reason, namespace, resource.getMetadata().getName(),
          failed.getMessage());
    }
  }

  private static String truncate(String message) {
    return message == null ? "" : message.length() > 1000 ? message.substring(0, 1000) : message;
  }
}
