package dev.operators.kinsta.hosting.database;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseStatus;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.hosting.HostedAccess;
import dev.operators.kinsta.hosting.HostedPlacement;
import dev.operators.kinsta.hosting.ReadBackDeletion;
import dev.operators.kinsta.hosting.client.HostedService;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.Database;
import dev.operators.kinsta.hosting.client.dto.ResourceType;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.OwnedSecrets;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.ResourceControls;
import dev.operators.kinsta.reconcile.SecretFingerprint;
import dev.operators.kinsta.reconcile.SecretLookup;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.reconcile.Steps;
import dev.operators.kinsta.transport.KinstaApiException;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaDatabase}: makes sure the database exists (adopted, found again, or
 * created), waits until Kinsta reports it ready, applies size and display name, and keeps the
 * connection Secret in step.
 */
public final class DatabaseReconciler
    extends KinstaObjectReconciler<KinstaDatabase, KinstaDatabaseStatus> {
  private static final Set<String> FAILED_STATES =
      Set.of("error", "passwordChangeFailed", "restoringFailed", "dbDeletionFailed");

  public DatabaseReconciler(ControllerServices services) {
    super(services, KinstaDatabase.class, KinstaDatabaseStatus.class);
  }

  @Override
  protected Set<String> referencedSecrets(KinstaDatabase database) {
    KinstaDatabaseSpec spec = database.getSpec();
    Set<String> names = super.referencedSecrets(database);
    if (spec == null) {
      return names;
    }
    names.add(spec.connectionSecretOr(database.getMetadata().getName()));
    return names;
  }

  @Override
  protected Map<String, String> passwordSecrets(KinstaDatabase database) {
    KinstaDatabaseSpec spec = database.getSpec();
    return spec == null || spec.passwordSecretRef == null || spec.passwordSecretRef.name == null
        ? Map.of()
        : Map.of("spec.passwordSecretRef", spec.passwordSecretRef.name);
  }

  @Override
  protected List<? extends Reason> reasons() {
    return List.of(DatabaseReasons.values());
  }

  @Override
  protected List<FieldProblem> validate(KinstaDatabase database) {
    // The CRD's schema and rules say everything a database spec must be.
    return List.of();
  }

  /** What a KinstaDatabase's reconcile does, in order; the first step with an outcome ends it. */
  static final Steps<Run> STEPS =
      Steps.<Run>first("create, find again or adopt the database", DatabaseReconciler::establish)
          .then("stop when the company's list shows nothing changed", DatabaseReconciler::unchanged)
          .then("observe the database", DatabaseReconciler::observe)
          .then("wait until Sevalla reports it ready", DatabaseReconciler::awaitReady)
          .then("apply size and display name", DatabaseReconciler::applySettings)
          .then(
              "apply the external connection, IP restriction and suspension",
              DatabaseReconciler::applyAccess)
          .then("set the password the spec names", DatabaseReconciler::applyPassword)
          .then("write the connection Secret", DatabaseReconciler::writeConnectionSecret);

  /** One reconcile of a database: the attempt and the database as Kinsta reports it. */
  static final class Run {
    final Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt;
    @Nullable Database db;

    Run(Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt) {
      this.attempt = attempt;
    }

    Database db() {
      return Objects.requireNonNull(db, "observed before use");
    }
  }

  @Override
  protected Outcome reconcileRemote(Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt) {
    return STEPS.run(
        new Run(attempt), run -> run.attempt.ready(readyMessage(run.attempt, run.db())));
  }

  private static Optional<Outcome> establish(Run run) {
    return run.attempt.status().databaseId == null
        ? new DatabaseProvisioner(run.attempt).establish()
        : Optional.empty();
  }

  /**
   * A Ready database whose entry in the company's list matches what was last seen, whose connection
   * Secret is as the operator left it, and whose Secrets did not change, is still Ready: no call of
   * its own. Anything else takes the full look.
   */
  private static Optional<Outcome> unchanged(Run run) {
    Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt = run.attempt;
    KinstaDatabaseStatus status = attempt.status();
    long generation = attempt.resource().getMetadata().getGeneration();
    Optional<Condition> ready = StatusConditions.readyFor(status, generation);
    if (ready.isEmpty()
        || status.databaseId == null
        || status.operation != null
        || status.connectionSecretVersion == null
        || !Objects.equals(status.observedSecretsVersion, status.secretsVersion)
        || !Objects.equals(
            status.lastHandledReconcileAt,
            ResourceControls.reconcileRequest(attempt.resource()).orElse(null))) {
      return Optional.empty();
    }
    String writtenVersion = status.connectionSecretVersion;
    boolean secretAsLeft =
        attempt
            .secret(connectionSecret(status))
            .map(s -> writtenVersion.equals(s.getMetadata().getResourceVersion()))
            .orElse(false);
    if (!secretAsLeft) {
      return Optional.empty();
    }
    KinstaDatabaseSpec spec = attempt.resource().getSpec();
    String wantedSize = spec.size == null ? status.size : spec.size;
    boolean same =
        attempt
            .databases()
            .database(attempt.hosting(), attempt.companyId(), status.databaseId)
            .filter(listed -> Objects.equals(listed.status(), status.state))
            .filter(listed -> Objects.equals(listed.resourceTypeName(), wantedSize))
            .filter(listed -> Objects.equals(listed.resourceTypeName(), status.size))
            .filter(listed -> Objects.equals(listed.displayName(), status.displayName))
            .isPresent();
    return same ? Optional.of(attempt.stillReady(ready.get().getMessage())) : Optional.empty();
  }

  // Named at creation or adoption, before any step that reads or writes the Secret.
  private static String connectionSecret(KinstaDatabaseStatus status) {
    return requireNonNull(status.connectionSecret, "status.connectionSecret");
  }

  private static Optional<Outcome> observe(Run run) {
    KinstaDatabaseStatus status = run.attempt.status();
    try {
      run.db =
          run.attempt
              .hosting()
              .databases()
              .getDatabase(requireNonNull(status.databaseId, "status.databaseId"));
    } catch (KinstaApiException.NotFound gone) {
      return Optional.of(
          Outcome.stalled(
              DatabaseReasons.DATABASE_NOT_FOUND,
              "Database "
                  + status.databaseId
                  + " no longer exists in Kinsta; "
                  + "delete and recreate this resource to create a new one"));
    }
    record(run.attempt, run.db());
    return Optional.empty();
  }

  private static Optional<Outcome> awaitReady(Run run) {
    Database db = run.db();
    if (FAILED_STATES.contains(db.status())) {
      return Optional.of(
          Outcome.stalled(
              DatabaseReasons.DATABASE_FAILED,
              "Sevalla reports database " + db.id() + " as " + db.status()));
    }
    if (!"ready".equals(db.status())) {
      return Optional.of(
          Outcome.progressing(
              DatabaseReasons.DATABASE_NOT_READY,
              "Sevalla reports database " + db.id() + " as " + db.status(),
              run.attempt.pollAfter(
                  db.createdAt() == null ? null : Instant.parse(db.createdAt()))));
    }
    return Optional.empty();
  }

  private static void record(Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt, Database db) {
    KinstaDatabaseStatus status = attempt.status();
    status.name = db.name();
    status.state = db.status();
    status.type = db.type();
    status.version = db.version();
    status.location = db.clusterLocation();
    status.size = db.resourceTypeName();
    status.displayName = db.displayName();
    status.internalHost = db.internalHostname();
    status.internalPort = db.internalPort();
    status.externalHost = db.externalHostname();
    status.externalPort = db.externalPort();
    status.connectionSecret =
        attempt.resource().getSpec().connectionSecretOr(attempt.resource().getMetadata().getName());
  }

  /**
   * Size and display name, with one PUT when either differs; adopted databases keep what the spec
   * leaves out.
   */
  private static Optional<Outcome> applySettings(Run run) {
    Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt = run.attempt;
    Database db = run.db();
    KinstaDatabaseSpec spec = attempt.resource().getSpec();
    boolean adopted = Boolean.TRUE.equals(attempt.status().adopted);
    String wantedName =
        adopted ? spec.displayName : spec.displayNameOr(attempt.resource().getMetadata().getName());
    String wantedSize = spec.size;
    String newName = wantedName != null && !wantedName.equals(db.displayName()) ? wantedName : null;
    String newSize =
        wantedSize != null && !wantedSize.equals(db.resourceTypeName()) ? wantedSize : null;
    if (newName != null && !attempt.correct("spec.displayName", newName, db.displayName())) {
      newName = null;
    }
    if (newSize != null && !attempt.correct("spec.size", newSize, db.resourceTypeName())) {
      newSize = null;
    }
    if (newName == null && newSize == null) {
      return Optional.empty();
    }
    String newSizeId = null;
    if (newSize != null) {
      Optional<ResourceType> type =
          attempt.hostingLists().databaseSize(attempt.hosting(), attempt.companyId(), newSize);
      if (type.isEmpty()) {
        return Optional.of(
            HostedPlacement.unknownDatabaseSize(
                attempt.hostingLists(), attempt.hosting(), attempt.companyId(), newSize));
      }
      newSizeId = type.get().id();
    }
    attempt.hosting().databases().updateDatabase(db.id(), newSizeId, newName);
    String change = newSize != null ? "resizing to " + newSize : "renaming to \"" + newName + "\"";
    return Optional.of(
        Outcome.progressing(
            DatabaseReasons.DATABASE_UPDATING,
            "Sevalla is " + change + " database " + db.id(),
            attempt.shortly()));
  }

  /**
   * The external connection can only be toggled, and its state shows in the external host; a toggle
   * makes the database busy for a while, so the reconcile waits for it before going on.
   */
  private static Optional<Outcome> applyAccess(Run run) {
    Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt = run.attempt;
    KinstaDatabaseSpec spec = attempt.resource().getSpec();
    KinstaDatabaseStatus status = attempt.status();
    Database db = run.db();
    HostingApi api = attempt.hosting();
    boolean external = db.externalHostname() != null;
    if (spec.externalConnection != null
        && spec.externalConnection != external
        && attempt.correct("spec.externalConnection", spec.externalConnection, external)) {
      api.databases().toggleExternalConnection(db.id());
      return Optional.of(
          Outcome.progressing(
              DatabaseReasons.DATABASE_UPDATING,
              "Sevalla is turning the external connection of database "
                  + db.id()
                  + (spec.externalConnection ? " on" : " off"),
              attempt.shortly()));
    }
    status.ipRestrictionManaged =
        HostedAccess.restrictIps(
                attempt,
                HostedService.DATABASE,
                db.id(),
                spec.ipRestriction,
                Boolean.TRUE.equals(status.ipRestrictionManaged))
            ? Boolean.TRUE
            : null;
    boolean suspended = Boolean.TRUE.equals(db.isSuspended());
    HostedAccess.keepSuspended(attempt, HostedService.DATABASE, db.id(), spec.suspended, suspended);
    status.suspended = spec.suspended != null ? spec.suspended : suspended ? Boolean.TRUE : null;
    return Optional.empty();
  }

  /**
   * Sevalla never returns a password, so the connection Secret holds the one that works: when the
   * Secret of {@code spec.passwordSecretRef} holds another, the database's password is reset to it
   * (and the connection Secret follows once Sevalla reports the database ready again).
   */
  private static Optional<Outcome> applyPassword(Run run) {
    Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt = run.attempt;
    KinstaDatabaseSpec spec = attempt.resource().getSpec();
    SecretKeyReference passwordRef = spec.passwordSecretRef;
    if (passwordRef == null) {
      return Optional.empty();
    }
    Optional<Secret> secret = attempt.secret(passwordRef.secretName());
    Optional<String> declared = secret.flatMap(found -> SecretLookup.value(found, passwordRef.key));
    if (declared.isEmpty() || secret.isEmpty()) {
      return Optional.of(
          Outcome.stalled(
              Reasons.SECRET_NOT_FOUND,
              "Secret "
                  + passwordRef.name
                  + " with key "
                  + passwordRef.key
                  + " (spec.passwordSecretRef) does not exist"));
    }
    // The Secret's version the password was last set from: a reset asked for is not asked again
    // while Sevalla carries it out.
    KinstaDatabaseStatus status = attempt.status();
    String version = SecretFingerprint.of(secret.get());
    if (version.equals(status.passwordSetFrom) || declared.equals(workingPassword(attempt))) {
      status.passwordSetFrom = version;
      return Optional.empty();
    }
    if (!attempt.correct(
        "spec.passwordSecretRef",
        "the password in Secret " + passwordRef.name,
        "another password")) {
      return Optional.empty();
    }
    attempt.hosting().databases().resetDatabasePassword(run.db().id(), declared.get());
    status.passwordSetFrom = version;
    attempt
        .events()
        .normal(
            attempt.resource(),
            DatabaseReasons.PASSWORD_CHANGED,
            "Changing the password of database "
                + run.db().id()
                + " to the one in Secret "
                + passwordRef.name);
    return Optional.of(
        Outcome.progressing(
            DatabaseReasons.DATABASE_UPDATING,
            "Sevalla is changing the password of database " + run.db().id(),
            attempt.shortly()));
  }

  private static Optional<String> declaredPassword(
      Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt) {
    SecretKeyReference passwordRef =
        requireNonNull(attempt.resource().getSpec().passwordSecretRef, "spec.passwordSecretRef");
    return attempt
        .secret(passwordRef.secretName())
        .flatMap(secret -> SecretLookup.value(secret, passwordRef.key));
  }

  /** The password the connection Secret holds: the one the operator last set. */
  private static Optional<String> workingPassword(
      Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt) {
    String name =
        attempt.resource().getSpec().connectionSecretOr(attempt.resource().getMetadata().getName());
    return attempt
        .secret(name)
        .flatMap(secret -> SecretLookup.value(secret, ConnectionDetails.PASSWORD));
  }

  private static Optional<Outcome> writeConnectionSecret(Run run) {
    Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt = run.attempt;
    Database db = run.db();
    String name = connectionSecret(attempt.status());
    KinstaDatabaseSpec spec = attempt.resource().getSpec();
    String password =
        (spec.passwordSecretRef != null ? declaredPassword(attempt) : workingPassword(attempt))
            .orElse(null);
    try {
      KinstaDatabaseStatus status = attempt.status();
      status.connectionSecretVersion =
          attempt
              .ownedSecrets()
              .ensure(
                  attempt.resource(),
                  attempt.secret(name),
                  name,
                  ConnectionDetails.of(db, spec.user, password));
      status.observedSecretsVersion = status.secretsVersion;
      return Optional.empty();
    } catch (OwnedSecrets.SecretConflict conflict) {
      return Optional.of(Outcome.stalled(Reasons.SECRET_CONFLICT, conflict.getMessage()));
    }
  }

  private static String readyMessage(
      Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt, Database db) {
    KinstaDatabaseStatus status = attempt.status();
    String message =
        "Database "
            + db.name()
            + " is ready; connection details in Secret "
            + status.connectionSecret;
    return workingPassword(attempt).isPresent()
        ? message
        : message
            + " (without a password: Sevalla does not return one; set spec.passwordSecretRef to"
            + " give the database one the operator knows)";
  }

  @Override
  protected Optional<String> kinstaId(KinstaDatabase database) {
    return recordedId(database);
  }

  /** The object's id as the resource records it: in status once known, else the one it adopts. */
  static Optional<String> recordedId(KinstaDatabase database) {
    if (database.getStatus() != null && database.getStatus().databaseId != null) {
      return Optional.of(database.getStatus().databaseId);
    }
    KinstaDatabaseSpec spec = database.getSpec();
    return Optional.ofNullable(spec == null || spec.adopt == null ? null : spec.adopt.id);
  }

  @Override
  protected boolean hasRemoteObject(KinstaDatabaseStatus status) {
    return status.databaseId != null || status.creation != null;
  }

  @Override
  protected Deletion deleteRemote(Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt) {
    KinstaDatabaseStatus status = attempt.status();
    Optional<Deletion> lookingForIt =
        new DatabaseProvisioner(attempt).creation().resolveWhileDeleting();
    if (lookingForIt.isPresent()) {
      return lookingForIt.get();
    }
    if (status.databaseId == null) {
      return Deletion.finished();
    }
    String id = status.databaseId;
    HostingApi api = attempt.hosting();
    return ReadBackDeletion.step(
        attempt,
        DatabaseOperation.DELETE_DATABASE,
        id,
        "database " + id,
        DatabaseReasons.DELETING_DATABASE,
        () -> api.databases().deleteDatabase(id),
        () -> api.databases().getDatabase(id));
  }

  @Override
  protected DeletionPolicy deletionPolicy(KinstaDatabase database) {
    return deletionPolicy(database.getSpec().deletionPolicy, database.getSpec().adopt != null);
  }

  @Override
  protected String remoteKind() {
    return "Database";
  }

  @Override
  protected String describeRemote(KinstaDatabaseStatus status) {
    return "Database " + status.databaseId;
  }
}
