package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Secrets and ConfigMaps a kind's resources read: indexed in the kind's cache, so that a change
 * to one reconciles exactly the resources that name it, and fingerprinted, so that a stalled
 * resource is looked at again only when one of them changed.
 */
final class ReferencedInputs<R extends CustomResource<?, ?>> {
  private static final String SECRET_INDEX = "kinsta.operators.dev/referenced-secrets";
  private static final String CONFIG_MAP_INDEX = "kinsta.operators.dev/referenced-config-maps";

  private final ControllerServices services;
  private final Function<R, Set<String>> secrets;
  private final Function<R, Set<String>> configMaps;

  ReferencedInputs(
      ControllerServices services,
      Function<R, Set<String>> secrets,
      Function<R, Set<String>> configMaps) {
    this.services = services;
    this.secrets = secrets;
    this.configMaps = configMaps;
  }

  /**
   * The wake-ups of the kind's resources when a Secret or ConfigMap they read changes, from the one
   * cache of each that every controller shares.
   */
  List<EventSource<?, R>> eventSources(EventSourceContext<R> context) {
    context.getPrimaryCache().addIndexer(SECRET_INDEX, resource -> keys(resource, secrets));
    context.getPrimaryCache().addIndexer(CONFIG_MAP_INDEX, resource -> keys(resource, configMaps));
    WakeUps<R> secretChanges = new WakeUps<>("kinsta-secrets");
    services
        .secrets()
        .onChange(secret -> secretChanges.wake(reading(context, SECRET_INDEX, secret)));
    WakeUps<R> configMapChanges = new WakeUps<>("kinsta-config-maps");
    services
        .configMaps()
        .onChange(map -> configMapChanges.wake(reading(context, CONFIG_MAP_INDEX, map)));
    return List.of(secretChanges, configMapChanges);
  }

  /** The resources of this kind in a namespace that read the named Secret. */
  List<R> readingSecret(Context<R> context, String namespace, String secretName) {
    return context.getPrimaryCache().byIndex(SECRET_INDEX, key(namespace, secretName));
  }

  /** A fingerprint of every Secret and ConfigMap the resource reads, as they are now. */
  String version(R resource) {
    String namespace = resource.getMetadata().getNamespace();
    Set<String> versions = new TreeSet<>();
    for (String name : secrets.apply(resource)) {
      versions.add(
          name
              + "@"
              + services
                  .secrets()
                  .find(namespace, name)
                  .map(SecretFingerprint::of)
                  .orElse("absent"));
    }
    for (String name : configMaps.apply(resource)) {
      versions.add(
          "configmap:"
              + name
              + "@"
              + services
                  .configMaps()
                  .find(namespace, name)
                  .map(SecretFingerprint::of)
                  .orElse("absent"));
    }
    return String.join(",", versions);
  }

  private Set<ResourceID> reading(EventSourceContext<R> context, String index, HasMetadata input) {
    return context
        .getPrimaryCache()
        .byIndex(index, key(input.getMetadata().getNamespace(), input.getMetadata().getName()))
        .stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private List<String> keys(R resource, Function<R, Set<String>> names) {
    return names.apply(resource).stream()
        .map(name -> key(resource.getMetadata().getNamespace(), name))
        .toList();
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
