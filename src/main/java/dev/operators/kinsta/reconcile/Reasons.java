package dev.operators.kinsta.reconcile;

/** Condition reasons shared by every kind; the README's reference table lists them all. */
public final class Reasons {
  public static final String READY = "Ready";
  public static final String PAUSED = "Paused";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String CREDENTIALS_NOT_FOUND = "CredentialsNotFound";
  public static final String INVALID_CREDENTIALS = "InvalidCredentials";
  public static final String PERMISSION_DENIED = "PermissionDenied";
  public static final String KINSTA_REJECTED = "KinstaRejected";
  public static final String NOT_FOUND = "NotFound";
  public static final String RATE_LIMITED = "RateLimited";
  public static final String KINSTA_UNAVAILABLE = "KinstaUnavailable";
  public static final String INTERNAL_ERROR = "InternalError";
  public static final String OPERATION_IN_PROGRESS = "OperationInProgress";
  public static final String OPERATION_FAILED = "OperationFailed";
  public static final String AMBIGUOUS_ADOPTION = "AmbiguousAdoption";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";

  private Reasons() {
  }
}
