package dev.operators.kinsta.hosting.staticsite;

import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reason.MayClear;

/** KinstaStaticSite's own condition and event reasons. */
public enum StaticSiteReasons implements Reason {
  APPLYING_ENVIRONMENT,
  @MayClear
  STATIC_SITE_NOT_FOUND,

  /** Events, and the conditions of a deployment in flight or failed. */
  DEPLOYING_STATIC_SITE,

  STATIC_SITE_DEPLOYED,
  STATIC_SITE_DEPLOYMENT_FAILED,
  SETTINGS_UPDATED,
  DELETING_STATIC_SITE;
}
