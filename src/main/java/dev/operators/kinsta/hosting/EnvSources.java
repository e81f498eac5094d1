package dev.operators.kinsta.hosting;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.EnvVar;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.SecretLookup;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Environment variables' values, resolved from the spec, Secrets and ConfigMaps of the resource's
 * namespace before any call: a missing object or key stalls the resource naming the field, and
 * nothing is written. Values stay in memory for the one reconcile that sends them.
 */
public final class EnvSources {
  private EnvSources() {}

  /** Values by variable name, in the spec's order, or the outcome that says what is missing. */
  public record Resolved(Map<String, String> values, Optional<Outcome> missing) {}

  public static Resolved resolve(Attempt<?, ?> attempt, List<? extends EnvVar> env, String field) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < env.size(); i++) {
      EnvVar variable = env.get(i);
      String at = field + "[" + i + "]";
      if (variable.value != null || variable.valueFrom == null) {
        values.put(variable.name, variable.value == null ? "" : variable.value);
        continue;
      }
      EnvVar.KeyReference secretRef = variable.valueFrom.secretKeyRef;
      EnvVar.KeyReference configRef = variable.valueFrom.configMapKeyRef;
      Optional<String> value;
      String what;
      if (secretRef != null) {
        String name = requireNonNull(secretRef.name, at + ".valueFrom.secretKeyRef.name");
        String key = requireNonNull(secretRef.key, at + ".valueFrom.secretKeyRef.key");
        what = "Secret " + name;
        value = attempt.secret(name).flatMap(s -> SecretLookup.value(s, key));
        if (value.isEmpty()) {
          return missing(at + ".valueFrom.secretKeyRef", what, key, attempt);
        }
      } else if (configRef != null) {
        String name = requireNonNull(configRef.name, at + ".valueFrom.configMapKeyRef.name");
        String key = requireNonNull(configRef.key, at + ".valueFrom.configMapKeyRef.key");
        what = "ConfigMap " + name;
        value = attempt.configMap(name).flatMap(c -> value(c, key));
        if (value.isEmpty()) {
          return missing(at + ".valueFrom.configMapKeyRef", what, key, attempt);
        }
      } else {
        value = Optional.of("");
      }
      values.put(variable.name, value.get());
    }
    return new Resolved(values, Optional.empty());
  }

  private static Resolved missing(String field, String what, String key, Attempt<?, ?> attempt) {
    boolean objectExists =
        what.startsWith("Secret ")
            ? attempt.secret(what.substring("Secret ".length())).isPresent()
            : attempt.configMap(what.substring("ConfigMap ".length())).isPresent();
    String message =
        field
            + ": "
            + what
            + (objectExists ? " has no key " + key : " does not exist in the namespace")
            + "; nothing is changed until it does";
    return new Resolved(Map.of(), Optional.of(Outcome.stalled(Reasons.SECRET_NOT_FOUND, message)));
  }

  private static Optional<String> value(ConfigMap configMap, String key) {
    if (configMap.getData() != null && configMap.getData().get(key) != null) {
      return Optional.of(configMap.getData().get(key));
    }
    if (configMap.getBinaryData() != null && configMap.getBinaryData().get(key) != null) {
      return Optional.of(
          new String(
              Base64.getDecoder().decode(configMap.getBinaryData().get(key)),
              StandardCharsets.UTF_8));
    }
    return Optional.empty();
  }

  /** The Secrets the variables read, by the field that names them. */
  public static Map<String, String> secrets(List<? extends EnvVar> env, String field) {
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < env.size(); i++) {
      EnvVar variable = env.get(i);
      if (variable.valueFrom != null && variable.valueFrom.secretKeyRef != null) {
        names.put(
            field + "[" + i + "].valueFrom.secretKeyRef.name",
            variable.valueFrom.secretKeyRef.name);
      }
    }
    return names;
  }

  /** The ConfigMaps the variables read. */
  public static Set<String> configMaps(List<? extends EnvVar> env) {
    Set<String> names = new LinkedHashSet<>();
    for (EnvVar variable : env) {
      if (variable.valueFrom != null && variable.valueFrom.configMapKeyRef != null) {
        names.add(variable.valueFrom.configMapKeyRef.name);
      }
    }
    return names;
  }
}
