package dev.operators.kinsta.hosting.application;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.ApplicationEnvVar;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationStatus;
import dev.operators.kinsta.hosting.EnvSources;
import dev.operators.kinsta.hosting.HostedEnv;
import dev.operators.kinsta.hosting.client.HostedService;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.EnvVariable;
import dev.operators.kinsta.reconcile.Attempt;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The application's environment variables: resolved from their sources before any call, then
 * exactly the listed ones kept in Sevalla. A change needs a deployment to take effect; with {@code
 * redeployOnChange} (the default) the need is written to status before the first write, so a
 * restart half way still deploys.
 */
final class Environment {
  static final String FIELD = "spec.env";

  private Environment() {}

  /** The values, or the outcome naming a missing Secret, ConfigMap or key (checked first). */
  static EnvSources.Resolved resolve(Attempt<KinstaApplication, KinstaApplicationStatus> attempt) {
    List<ApplicationEnvVar> env = attempt.resource().getSpec().env;
    return env == null
        ? new EnvSources.Resolved(Map.of(), Optional.empty())
        : EnvSources.resolve(attempt, env, FIELD);
  }

  /**
   * Masks the values the application takes from Secrets in text Sevalla sends back (a deployment's
   * log may print them).
   */
  static UnaryOperator<String> masker(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt, EnvSources.Resolved resolved) {
    List<ApplicationEnvVar> env = attempt.resource().getSpec().env;
    if (env == null) {
      return UnaryOperator.identity();
    }
    Map<String, String> values = resolved.values();
    List<String> secrets =
        env.stream()
            .filter(v -> v.valueFrom != null && v.valueFrom.secretKeyRef != null)
            .map(v -> values.get(v.name))
            .filter(value -> value != null && value.length() >= 4)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    return text -> {
      String result = text;
      for (String secret : secrets) {
        result = result.replace(secret, "***");
      }
      return result;
    };
  }

  /** Keeps the declared variables; a change owes a deployment unless redeployOnChange is false. */
  static void apply(
      Attempt<KinstaApplication, KinstaApplicationStatus> attempt,
      HostingApi api,
      String appId,
      EnvSources.Resolved resolved) {
    KinstaApplicationSpec spec = attempt.resource().getSpec();
    KinstaApplicationStatus status = attempt.status();
    status.envKeys =
        HostedEnv.keepDeclared(
            attempt,
            HostedService.APPLICATION,
            appId,
            spec.env,
            resolved,
            (variable, value) ->
                EnvVariable.forApplication(
                    requireNonNull(variable.name, "spec.env[].name"),
                    value,
                    variable.atRuntime(),
                    variable.atBuild()),
            status.envKeys,
            () -> {
              if (!Boolean.FALSE.equals(spec.redeployOnChange)) {
                status.redeployPending = true;
                attempt.writeStatusNow(
                    ApplicationReasons.APPLYING_ENVIRONMENT,
                    "Changing environment variables, then deploying");
              }
            });
  }
}
