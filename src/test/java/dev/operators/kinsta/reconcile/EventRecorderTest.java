package dev.operators.kinsta.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.operators.kinsta.testing.cluster.TestCluster;
import dev.operators.kinsta.testing.cluster.TestClusterExtension;
import dev.operators.kinsta.testing.cluster.TestClusterExtension.ClassNamespace;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Repeats of one reason on one resource become one event with a count, on the real API server. */
@ExtendWith(TestClusterExtension.class)
class EventRecorderTest {

  @Test
  void repeatsOfAReasonUpdateOneEventAndOtherReasonsGetTheirOwn(
      TestCluster cluster, ClassNamespace namespace) {
    KubernetesClient client = cluster.admin();
    ConfigMap subject = subject(client, namespace, "nightly");
    EventRecorder events = new EventRecorder(client, Clock.systemUTC());

    events.normal(
        subject, TestReasons.RUN_SUCCEEDED, "Kinsta finished: clear the cache (slot 01:00)");
    events.normal(
        subject, TestReasons.RUN_SUCCEEDED, "Kinsta finished: clear the cache (slot 02:00)");
    events.normal(
        subject, TestReasons.RUN_SUCCEEDED, "Kinsta finished: clear the cache (slot 03:00)");
    events.warning(subject, TestReasons.RUN_FAILED, "Kinsta could not clear the cache");

    List<Event> recorded =
        eventsOn(client, namespace, subject).stream()
            .sorted(Comparator.comparing(Event::getReason))
            .toList();
    assertEquals(
        List.of("RunFailed", "RunSucceeded"), recorded.stream().map(Event::getReason).toList());
    Event succeeded = recorded.get(1);
    assertEquals(3, succeeded.getCount());
    assertEquals(
        "Kinsta finished: clear the cache (slot 03:00)",
        succeeded.getMessage(),
        "the newest message");
    assertEquals(1, recorded.get(0).getCount());
  }

  @Test
  void aRepeatAfterTheEventWasDeletedRecordsANewOne(TestCluster cluster, ClassNamespace namespace) {
    KubernetesClient client = cluster.admin();
    ConfigMap subject = subject(client, namespace, "hourly");
    EventRecorder events = new EventRecorder(client, Clock.systemUTC());

    events.normal(subject, TestReasons.DEPLOYED, "Deployment 1 succeeded");
    client
        .v1()
        .events()
        .inNamespace(namespace.name())
        .withField("involvedObject.uid", subject.getMetadata().getUid())
        .delete();
    events.normal(subject, TestReasons.DEPLOYED, "Deployment 2 succeeded");

    List<Event> recorded = eventsOn(client, namespace, subject);
    assertEquals(1, recorded.size());
    assertEquals(1, recorded.get(0).getCount());
    assertEquals("Deployment 2 succeeded", recorded.get(0).getMessage());
  }

  private static ConfigMap subject(KubernetesClient client, ClassNamespace namespace, String name) {
    return client
        .configMaps()
        .inNamespace(namespace.name())
        .resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  private static List<Event> eventsOn(
      KubernetesClient client, ClassNamespace namespace, ConfigMap subject) {
    return client
        .v1()
        .events()
        .inNamespace(namespace.name())
        .withField("involvedObject.uid", subject.getMetadata().getUid())
        .list()
        .getItems();
  }

  private enum TestReasons implements Reason {
    RUN_SUCCEEDED,
    RUN_FAILED,
    DEPLOYED
  }
}
