package dev.operators.kinsta.reconcile;

/**
 * Condition and event reasons shared by every kind; each kind keeps its own in one class beside its
 * reconciler. The README lists them all ({@code ReasonsDocumentedTest}).
 */
public final class Reasons {
  public static final String READY = "Ready";
  public static final String PAUSED = "Paused";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String UNREADABLE_STATUS = "UnreadableStatus";
  public static final String CREDENTIALS_NOT_FOUND = "CredentialsNotFound";
  public static final String SECRET_MISUSED = "SecretMisused";
  public static final String INVALID_CREDENTIALS = "InvalidCredentials";
  public static final String CREDENTIALS_MISMATCH = "CredentialsMismatch";
  public static final String PERMISSION_DENIED = "PermissionDenied";
  public static final String KINSTA_REJECTED = "KinstaRejected";
  public static final String NOT_FOUND = "NotFound";
  public static final String RATE_LIMITED = "RateLimited";
  public static final String KINSTA_UNAVAILABLE = "KinstaUnavailable";
  public static final String INTERNAL_ERROR = "InternalError";
  public static final String OPERATION_IN_PROGRESS = "OperationInProgress";
  public static final String OPERATION_FAILED = "OperationFailed";
  public static final String AMBIGUOUS_ADOPTION = "AmbiguousAdoption";
  public static final String NAME_IN_USE = "NameInUse";
  public static final String ALREADY_MANAGED = "AlreadyManaged";
  public static final String CREATING = "Creating";
  public static final String CREATION_UNCONFIRMED = "CreationUnconfirmed";
  public static final String AMBIGUOUS_CREATION = "AmbiguousCreation";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";

  /** A Secret the operator writes (connection details, a deployment hook) is somebody else's. */
  public static final String SECRET_CONFLICT = "SecretConflict";

  public static final String DELETING = "Deleting";

  /** Events. */
  public static final String ADOPTED = "Adopted";

  public static final String CREATED = "Created";
  public static final String CREATION_NOT_FOUND = "CreationNotFound";
  public static final String CREATION_NOT_MADE = "CreationNotMade";
  public static final String RETAINED = "Retained";
  public static final String ORPHANED = "Orphaned";

  private Reasons() {}
}
