package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a credentials Secret while a resource still needs it to delete its Kinsta object, the way
 * Kubernetes protects a claimed volume: a finalizer on the Secret. Deleting a namespace (or {@code
 * kubectl delete -f dir/}) removes the Secret and the resources at once; without this the Secret
 * would go first, and the sites and databases would be left running in Kinsta. The finalizer comes
 * off once no resource of a kind that deletes Kinsta objects names the Secret any more.
 */
public final class CredentialsProtection implements AutoCloseable {
  public static final String FINALIZER = "kinsta.operators.dev/credentials-in-use";

  /** The kinds whose deletion calls Kinsta with the credentials (apiVersion, kind). */
  private static final List<String[]> PROTECTING_KINDS =
      List.of(
          new String[] {"kinsta.operators.dev/v1alpha1", "KinstaSite"},
          new String[] {"kinsta.operators.dev/v1alpha1", "KinstaDatabase"},
          new String[] {"kinsta.operators.dev/v1alpha1", "KinstaApplication"},
          new String[] {"kinsta.operators.dev/v1alpha1", "KinstaInternalConnection"},
          new String[] {"kinsta.operators.dev/v1alpha1", "KinstaDnsRecord"},
          new String[] {"kinsta.operators.dev/v1alpha1", "KinstaStaticSite"},
          new String[] {"kinsta.operators.dev/v1alpha1", "KinstaPipeline"});

  /**
   * Long enough for the deleted resource's own finalizer removal to have reached the API server.
   */
  private static final long RELEASE_DELAY_MILLIS = 1_000;

  private static final int RELEASE_ATTEMPTS = 30;
  private static final Logger log = LoggerFactory.getLogger(CredentialsProtection.class);

  private final KubernetesClient client;
  private final ScheduledExecutorService releases =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "kinsta-credentials-release");
            thread.setDaemon(true);
            return thread;
          });

  public CredentialsProtection(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Adds the finalizer to the Secret (the informer's copy) unless it has it or is already being
   * deleted.
   */
  public void protect(Secret secret) {
    List<String> finalizers = secret.getMetadata().getFinalizers();
    if ((finalizers != null && finalizers.contains(FINALIZER))
        || secret.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    // A JSON patch that appends, guarded by the resourceVersion
    // seen, so no other finalizer is ever lost.
    String patch =
        guardedPatch(
            secret,
            finalizers == null || finalizers.isEmpty()
                ? Map.of("op", "add", "path", "/metadata/finalizers", "value", List.of(FINALIZER))
                : Map.of("op", "add", "path", "/metadata/finalizers/-", "value", FINALIZER));
    try {
      client
          .secrets()
          .inNamespace(secret.getMetadata().getNamespace())
          .withName(secret.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON), patch);
    } catch (KubernetesClientException stale) {
      // A newer version exists; the next reconcile sees it and tries again.
      log.debug(
          "Secret {}/{} not protected yet: {}",
          secret.getMetadata().getNamespace(),
          secret.getMetadata().getName(),
          stale.getMessage());
    }
  }

  /**
   * After a resource naming the Secret is gone: takes the finalizer off once no resource still
   * names it. Checked a moment later, so two resources deleted together each see the other gone.
   */
  public void releaseLater(String namespace, String secretName) {
    schedule(namespace, secretName, 1);
  }

  private void schedule(String namespace, String secretName, int attempt) {
    if (!releases.isShutdown()) {
      // Fire and forget: release() handles its own failures by scheduling the next attempt.
      var unused =
          releases.schedule(
              () -> release(namespace, secretName, attempt),
              RELEASE_DELAY_MILLIS * attempt,
              TimeUnit.MILLISECONDS);
    }
  }

  private void release(String namespace, String secretName, int attempt) {
    try {
      Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
      if (secret == null
          || secret.getMetadata().getFinalizers() == null
          || !secret.getMetadata().getFinalizers().contains(FINALIZER)) {
        return;
      }
      long users =
          PROTECTING_KINDS.stream()
              .mapToLong(
                  kind ->
                      client
                          .genericKubernetesResources(kind[0], kind[1])
                          .inNamespace(namespace)
                          .list()
                          .getItems()
                          .stream()
                          .filter(r -> names(r, secretName))
                          .count())
              .sum();
      if (users > 0) {
        return; // the last of them releases it
      }
      List<String> kept =
          secret.getMetadata().getFinalizers().stream().filter(f -> !f.equals(FINALIZER)).toList();
      String patch =
          guardedPatch(
              secret, Map.of("op", "replace", "path", "/metadata/finalizers", "value", kept));
      client
          .secrets()
          .inNamespace(namespace)
          .withName(secretName)
          .patch(PatchContext.of(PatchType.JSON), patch);
    } catch (KubernetesClientException failed) {
      if (attempt < RELEASE_ATTEMPTS) {
        schedule(namespace, secretName, attempt + 1);
      } else {
        log.warn(
            "Secret {}/{} keeps finalizer {}: {}",
            namespace,
            secretName,
            FINALIZER,
            failed.getMessage());
      }
    }
  }

  private static boolean names(GenericKubernetesResource resource, String secretName) {
    Object spec = resource.getAdditionalProperties().get("spec");
    if (spec instanceof Map<?, ?> fields
        && fields.get("credentialsRef") instanceof Map<?, ?> reference) {
      return secretName.equals(reference.get("name"));
    }
    return false;
  }

  @Override
  public void close() {
    releases.shutdown();
  }

  /**
   * A JSON patch guarded by the resourceVersion seen, so that a change made meanwhile (another
   * finalizer added or removed) is never overwritten: the patch then fails and is tried again.
   */
  private static String guardedPatch(Secret secret, Map<String, Object> change) {
    return Serialization.asJson(
        List.of(
            Map.of(
                "op",
                "test",
                "path",
                "/metadata/resourceVersion",
                "value",
                secret.getMetadata().getResourceVersion()),
            change));
  }
}
