package dev.operators.kinsta.hosting.staticsite;

/** KinstaStaticSite's own condition and event reasons. */
public final class StaticSiteReasons {
  public static final String APPLYING_ENVIRONMENT = "ApplyingEnvironment";
  public static final String STATIC_SITE_NOT_FOUND = "StaticSiteNotFound";

  /** Events, and the conditions of a deployment in flight or failed. */
  public static final String DEPLOYING_STATIC_SITE = "DeployingStaticSite";

  public static final String STATIC_SITE_DEPLOYED = "StaticSiteDeployed";
  public static final String STATIC_SITE_DEPLOYMENT_FAILED = "StaticSiteDeploymentFailed";
  public static final String SETTINGS_UPDATED = "SettingsUpdated";
  public static final String DELETING_STATIC_SITE = "DeletingStaticSite";

  private StaticSiteReasons() {}
}
