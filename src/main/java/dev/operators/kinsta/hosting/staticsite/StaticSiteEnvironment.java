package dev.operators.kinsta.hosting.staticsite;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteStatus;
import dev.operators.kinsta.api.v1alpha1.StaticSiteEnvVar;
import dev.operators.kinsta.hosting.EnvSources;
import dev.operators.kinsta.hosting.HostedEnv;
import dev.operators.kinsta.hosting.client.HostedService;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.EnvVariable;
import dev.operators.kinsta.reconcile.Attempt;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The static site's build variables: resolved from their sources before any call, then exactly the
 * listed ones kept in Sevalla; a change is deployed (unless {@code redeployOnChange} is false), and
 * the need is on record before the first write.
 */
final class StaticSiteEnvironment {
  static final String FIELD = "spec.env";

  private StaticSiteEnvironment() {}

  static EnvSources.Resolved resolve(Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt) {
    List<StaticSiteEnvVar> env = attempt.resource().getSpec().env;
    return env == null
        ? new EnvSources.Resolved(Map.of(), Optional.empty())
        : EnvSources.resolve(attempt, env, FIELD);
  }

  /** Keeps the declared variables; a change owes a deployment unless redeployOnChange is false. */
  static void apply(
      Attempt<KinstaStaticSite, KinstaStaticSiteStatus> attempt,
      HostingApi api,
      String siteId,
      EnvSources.Resolved resolved) {
    KinstaStaticSiteSpec spec = attempt.resource().getSpec();
    KinstaStaticSiteStatus status = attempt.status();
    status.envKeys =
        HostedEnv.keepDeclared(
            attempt,
            HostedService.STATIC_SITE,
            siteId,
            spec.env,
            resolved,
            (variable, value) ->
                EnvVariable.forStaticSite(
                    requireNonNull(variable.name, "spec.env[].name"),
                    value,
                    variable.forProduction(),
                    variable.forPreview(),
                    variable.branch),
            status.envKeys,
            () -> {
              if (!Boolean.FALSE.equals(spec.redeployOnChange)) {
                status.redeployPending = true;
                attempt.writeStatusNow(
                    StaticSiteReasons.APPLYING_ENVIRONMENT, "Changing variables, then deploying");
              }
            });
  }
}
