package dev.operators.kinsta.hosting.staticsite;

import dev.operators.kinsta.api.v1alpha1.OperationType;

/**
 * The work a static site's reconciler follows: a deployment (by its deployment id) and a deletion
 * (by reading the site back); neither has a Kinsta operation id.
 */
enum StaticSiteOperation implements OperationType {
  DEPLOY_STATIC_SITE,
  DELETE_STATIC_SITE;
}
