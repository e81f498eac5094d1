package dev.operators.kinsta.database;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseStatus;
import dev.operators.kinsta.client.HostingApi;
import dev.operators.kinsta.client.KinstaApiException;
import dev.operators.kinsta.client.dto.Database;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.LostCreation;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.OwnedSecrets;
import dev.operators.kinsta.reconcile.ReadBackDeletion;
import dev.operators.kinsta.reconcile.SecretLookup;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.reconcile.Steps;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.HashSet;
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
  private static final Set<String> FAILED_STATES = Set.of("error", "suspended");

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
  protected Set<String> stallsThatMayClear() {
    Set<String> reasons = new HashSet<>(super.stallsThatMayClear());
    reasons.addAll(Set.of(DatabaseReasons.DATABASE_NOT_FOUND, DatabaseReasons.DATABASE_FAILED));
    return reasons;
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
          .then("wait until Kinsta reports it ready", DatabaseReconciler::awaitReady)
          .then("apply size and display name", DatabaseReconciler::applySettings)
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
    Optional<Condition> ready =
        StatusConditions.find(status.conditions, StatusConditions.READY)
            .filter(c -> "True".equals(c.getStatus()))
            .filter(
                c -> c.getObservedGeneration() != null && c.getObservedGeneration() == generation);
    if (ready.isEmpty()
        || status.databaseId == null
        || status.operation != null
        || status.connectionSecretVersion == null
        || !Objects.equals(status.observedSecretsVersion, status.secretsVersion)) {
      return Optional.empty();
    }
    boolean secretAsLeft =
        attempt
            .secret(status.connectionSecret)
            .map(s -> status.connectionSecretVersion.equals(s.getMetadata().getResourceVersion()))
            .orElse(false);
    if (!secretAsLeft) {
      return Optional.empty();
    }
    KinstaDatabaseSpec spec = attempt.resource().getSpec();
    String wantedSize = spec.size == null ? status.size : spec.size.name();
    boolean same =
        attempt
            .databases()
            .database(attempt.hosting(), attempt.companyId(), status.databaseId)
            .filter(listed -> Objects.equals(listed.status(), status.state))
            .filter(listed -> Objects.equals(listed.resourceTypeName(), wantedSize))
            .filter(listed -> Objects.equals(listed.resourceTypeName(), status.size))
            .filter(listed -> Objects.equals(listed.displayName(), status.displayName))
            .isPresent();
    return same ? Optional.of(attempt.ready(ready.get().getMessage())) : Optional.empty();
  }

  private static Optional<Outcome> observe(Run run) {
    KinstaDatabaseStatus status = run.attempt.status();
    try {
      run.db = run.attempt.hosting().getDatabase(status.databaseId);
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
              "Kinsta reports database " + db.id() + " as " + db.status()));
    }
    if (!"ready".equals(db.status())) {
      return Optional.of(
          Outcome.progressing(
              DatabaseReasons.DATABASE_NOT_READY,
              "Kinsta reports database " + db.id() + " as " + db.status(),
              run.attempt.pollAfter(
                  db.createdAt() == null ? null : Instant.ofEpochMilli(db.createdAt()))));
    }
    return Optional.empty();
  }

  private static void record(Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt, Database db) {
    KinstaDatabaseStatus status = attempt.status();
    status.name = db.name();
    status.state = db.status();
    status.type = db.type();
    status.version = db.version();
    status.location = db.cluster() == null ? null : db.cluster().location();
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
    String wantedSize = spec.size == null ? null : spec.size.name();
    String newName = wantedName != null && !wantedName.equals(db.displayName()) ? wantedName : null;
    String newSize =
        wantedSize != null && !wantedSize.equals(db.resourceTypeName()) ? wantedSize : null;
    if (newName == null && newSize == null) {
      return Optional.empty();
    }
    attempt.hosting().updateDatabase(db.id(), newSize, newName);
    String change = newSize != null ? "resizing to " + newSize : "renaming to \"" + newName + "\"";
    return Optional.of(
        Outcome.progressing(
            DatabaseReasons.DATABASE_UPDATING,
            "Kinsta is " + change + " database " + db.id(),
            attempt.shortly()));
  }

  private static Optional<Outcome> writeConnectionSecret(Run run) {
    Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt = run.attempt;
    Database db = run.db();
    String name = attempt.status().connectionSecret;
    try {
      KinstaDatabaseStatus status = attempt.status();
      status.connectionSecretVersion =
          attempt
              .ownedSecrets()
              .ensure(attempt.resource(), attempt.secret(name), name, ConnectionDetails.of(db));
      status.observedSecretsVersion = status.secretsVersion;
      return Optional.empty();
    } catch (OwnedSecrets.SecretConflict conflict) {
      return Optional.of(Outcome.stalled(DatabaseReasons.SECRET_CONFLICT, conflict.getMessage()));
    }
  }

  private static String readyMessage(
      Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt, Database db) {
    KinstaDatabaseSpec spec = attempt.resource().getSpec();
    KinstaDatabaseStatus status = attempt.status();
    String message =
        "Database "
            + db.name()
            + " is ready; connection details in Secret "
            + status.connectionSecret;
    boolean outOfSync = false;
    if (spec.passwordSecretRef != null && db.data() != null) {
      Optional<String> declared =
          attempt
              .secret(spec.passwordSecretRef.name)
              .flatMap(secret -> SecretLookup.value(secret, spec.passwordSecretRef.key));
      outOfSync = declared.isPresent() && !Objects.equals(declared.get(), db.data().dbPassword());
    }
    if (outOfSync && !Boolean.TRUE.equals(status.passwordOutOfSync)) {
      attempt
          .events()
          .warning(
              attempt.resource(),
              DatabaseReasons.PASSWORD_NOT_CHANGED,
              "The password in Secret "
                  + spec.passwordSecretRef.name
                  + " changed, but Kinsta's API cannot change a database password; the "
                  + "connection Secret keeps the one that works");
    }
    status.passwordOutOfSync = outOfSync ? Boolean.TRUE : null;
    return outOfSync
        ? message
            + ". The password in Secret "
            + spec.passwordSecretRef.name
            + " differs from the "
            + "database's, and Kinsta's API cannot change it: applications must use the connection Secret"
        : message;
  }

  @Override
  protected Optional<String> kinstaId(KinstaDatabase database) {
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
    if (status.databaseId == null && status.creation != null) {
      String name = status.creation.displayName;
      List<String> named =
          LostCreation.lastLook(attempt, status.creation)
              ? DatabaseProvisioner.databasesNamed(attempt.hosting(), name)
              : DatabaseProvisioner.listedDatabasesNamed(attempt, name);
      LostCreation.DeletionLookup lookup =
          LostCreation.whileDeleting(
              attempt, status.creation, "database", named, DatabaseProvisioner.claims(attempt));
      if (lookup.waiting() != null) {
        return lookup.waiting();
      }
      status.databaseId = lookup.id();
      status.creation = null;
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
        () -> api.deleteDatabase(id),
        () -> api.getDatabase(id));
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
