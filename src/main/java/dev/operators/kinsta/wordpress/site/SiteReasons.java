package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reason.MayClear;

/** KinstaSite's own condition and event reasons. */
public enum SiteReasons implements Reason {
  @MayClear
  SITE_NOT_FOUND,
  SITE_PROVISIONING,
  @MayClear
  CREATE_FAILED,
  DELETING_SITE,
  DELETE_FAILED,
  DELETING_STAGING;
}
