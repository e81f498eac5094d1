package dev.operators.kinsta.hosting.application;

/** KinstaApplication's own condition and event reasons. */
public final class ApplicationReasons {
  public static final String APPLICATION_NOT_FOUND = "ApplicationNotFound";
  public static final String DEPLOYING = "Deploying";
  public static final String DEPLOYMENT_FAILED = "DeploymentFailed";
  public static final String DEPLOYED = "Deployed";
  public static final String DELETING_APPLICATION = "DeletingApplication";
  public static final String APPLYING_ENVIRONMENT = "ApplyingEnvironment";

  private ApplicationReasons() {}

  public static final String REGISTRY_LOGIN_KEPT = "RegistryLoginKept";
}
