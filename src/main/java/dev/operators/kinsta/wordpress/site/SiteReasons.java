package dev.operators.kinsta.wordpress.site;

/** KinstaSite's own condition and event reasons. */
public final class SiteReasons {
  public static final String SITE_NOT_FOUND = "SiteNotFound";
  public static final String SITE_PROVISIONING = "SiteProvisioning";
  public static final String CREATE_FAILED = "CreateFailed";
  public static final String DELETING_SITE = "DeletingSite";
  public static final String DELETE_FAILED = "DeleteFailed";
  public static final String DELETING_STAGING = "DeletingStaging";

  private SiteReasons() {}
}
