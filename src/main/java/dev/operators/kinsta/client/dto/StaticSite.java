package dev.operators.kinsta.client.dto;

import java.util.List;

/**
 * A static site as {@code GET /static-sites/{id}} describes it (the list gives only id, name,
 * display name and status). Node version and published directory are not part of the answer.
 */
public record StaticSite(
    String id,
    String name,
    String displayName,
    String status,
    String repoUrl,
    String defaultBranch,
    Boolean autoDeploy,
    String hostname,
    String buildCommand,
    List<StaticSiteDeployment> deployments) {

  public List<StaticSiteDeployment> deploymentsOrEmpty() {
    return deployments == null ? List.of() : deployments;
  }
}
