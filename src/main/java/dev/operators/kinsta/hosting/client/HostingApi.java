package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.transport.budget.RateBudgets;

/**
 * Sevalla's v3 API (applications, databases, static sites, pipelines), bound to one company's API
 * key, by area: each accessor gives that area's calls. There are no operation ids: progress shows
 * in each object's {@code status} and in deployments. Lists are read to their last page.
 */
public interface HostingApi {

  /**
   * Takes one of the company's creation permits (Sevalla's 20 an hour) before a creation is
   * prepared, so that creations waiting for the tier do not each list the company again at every
   * refusal; closing the hold gives it back unless the create call used it.
   */
  RateBudgets.CreationHold holdCreation();

  References references();

  Databases databases();

  Registries registries();

  Applications applications();

  Processes processes();

  Deployments deployments();

  Pipelines pipelines();

  StaticSites staticSites();

  Services services();
}
