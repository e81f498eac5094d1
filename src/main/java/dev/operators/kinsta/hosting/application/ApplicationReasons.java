package dev.operators.kinsta.hosting.application;

import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reason.MayClear;

/** KinstaApplication's own condition and event reasons. */
public enum ApplicationReasons implements Reason {
  @MayClear
  APPLICATION_NOT_FOUND,
  DEPLOYING,
  @MayClear
  DEPLOYMENT_FAILED,
  DEPLOYED,
  DELETING_APPLICATION,
  APPLYING_ENVIRONMENT,

  REGISTRY_LOGIN_KEPT;
}
