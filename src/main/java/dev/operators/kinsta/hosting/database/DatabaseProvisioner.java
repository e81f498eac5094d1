package dev.operators.kinsta.hosting.database;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseStatus;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.hosting.HostedCreation;
import dev.operators.kinsta.hosting.HostedPlacement;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.Cluster;
import dev.operators.kinsta.hosting.client.dto.CreateDatabaseRequest;
import dev.operators.kinsta.hosting.client.dto.Database;
import dev.operators.kinsta.hosting.client.dto.DatabaseSummary;
import dev.operators.kinsta.hosting.client.dto.ResourceType;
import dev.operators.kinsta.hosting.inventory.HostingInventory;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.CreationClaims;
import dev.operators.kinsta.reconcile.GeneratedPasswords;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.OwnedSecrets;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.SecretFingerprint;
import dev.operators.kinsta.reconcile.SecretLookup;
import dev.operators.kinsta.transport.KinstaApiException;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Gives a {@link KinstaDatabase} its database: the one it adopts ({@code spec.adopt}), the one its
 * own create call made when the answer was lost (found by the recorded intent), or a new one. A
 * database that merely shares the display name is never taken over ({@code NameInUse}). A generated
 * password is stored in the connection Secret before the create call, so a crash in between never
 * loses it.
 */
final class DatabaseProvisioner {
  private final Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt;
  private final KinstaDatabase resource;
  private final KinstaDatabaseSpec spec;
  private final KinstaDatabaseStatus status;
  private final HostingApi api;

  DatabaseProvisioner(Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt) {
    this.attempt = attempt;
    this.resource = attempt.resource();
    this.spec = resource.getSpec();
    this.status = attempt.status();
    this.api = attempt.hosting();
  }

  /** Empty when the database id is now known and the caller can go on; otherwise what to report. */
  Optional<Outcome> establish() {
    if (spec.adopt != null) {
      return adopt();
    }
    String displayName = spec.displayNameOr(resource.getMetadata().getName());
    return creation()
        .establish(displayName, () -> status.databaseId != null, () -> create(displayName));
  }

  HostedCreation creation() {
    return new HostedCreation(
        attempt,
        "database",
        name -> listedDatabasesNamed(attempt, name),
        name -> databasesNamed(api, name),
        claims(attempt),
        status.creation,
        intent -> status.creation = intent,
        id -> {
          status.databaseId = id;
          status.adopted = false;
        });
  }

  /**
   * The ids of the company's databases with this display name, from its inventory list (at most one
   * interval old): what a lost creation is looked for in, at no cost of its own.
   */
  private static List<String> listedDatabasesNamed(
      Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt, String displayName) {
    return attempt.databases().databases(attempt.hosting(), attempt.companyId()).stream()
        .filter(db -> displayName.equals(db.displayName()))
        .map(DatabaseSummary::id)
        .toList();
  }

  /** What the other KinstaDatabases record (an id in status or spec) and intend to create. */
  private static CreationClaims<KinstaDatabase> claims(
      Attempt<KinstaDatabase, KinstaDatabaseStatus> attempt) {
    return CreationClaims.of(
        attempt,
        KinstaDatabase.class,
        DatabaseReconciler::recordedId,
        db -> db.getStatus() == null ? null : db.getStatus().creation);
  }

  /** The ids of the company's databases with this display name, from a list taken now. */
  private static List<String> databasesNamed(HostingApi api, String displayName) {
    return api.databases().listDatabases().stream()
        .filter(db -> displayName.equals(db.displayName()))
        .map(DatabaseSummary::id)
        .toList();
  }

  private Optional<Outcome> adopt() {
    KinstaDatabaseSpec.DatabaseAdoption adopt = requireNonNull(spec.adopt, "spec.adopt");
    String adoptId = adopt.id;
    Optional<String> id =
        adoptId != null
            ? Optional.of(adoptId)
            : api.databases().listDatabases().stream()
                .filter(db -> db.name().equals(adopt.name))
                .map(DatabaseSummary::id)
                .findFirst();
    Database db;
    try {
      db =
          api.databases()
              .getDatabase(id.orElseThrow(() -> new KinstaApiException.NotFound("", "")));
    } catch (KinstaApiException.NotFound missing) {
      return Optional.of(
          Outcome.stalled(
              DatabaseReasons.DATABASE_NOT_FOUND,
              "The company has no database "
                  + (adoptId != null ? "with id " + adoptId : "named " + adopt.name)));
    }
    status.databaseId = db.id();
    status.adopted = true;
    attempt.events().normal(resource, Reasons.ADOPTED, "Adopted database " + db.id());
    return Optional.empty();
  }

  private Optional<Outcome> create(String displayName) {
    String password;
    SecretKeyReference passwordRef = spec.passwordSecretRef;
    if (passwordRef != null) {
      Optional<String> declared =
          attempt
              .secret(passwordRef.secretName())
              .flatMap(secret -> SecretLookup.value(secret, passwordRef.key));
      if (declared.isEmpty()) {
        return Optional.of(
            Outcome.stalled(
                Reasons.SECRET_NOT_FOUND,
                "Secret "
                    + passwordRef.name
                    + " with key "
                    + passwordRef.key
                    + " (spec.passwordSecretRef) does not exist"));
      }
      password = declared.get();
      status.passwordSetFrom =
          attempt.secret(passwordRef.secretName()).map(SecretFingerprint::of).orElse(null);
    } else {
      Optional<String> generated = generatedPassword();
      if (generated.isEmpty()) {
        return Optional.of(
            Outcome.stalled(
                Reasons.SECRET_CONFLICT,
                "Secret "
                    + connectionSecret()
                    + " exists and is not "
                    + "owned by this KinstaDatabase; choose another connectionSecretName or delete it"));
      }
      password = generated.get();
    }
    // Without adopt, the schema's rules require each of these.
    String location = requireNonNull(spec.location, "spec.location");
    String sizeName = requireNonNull(spec.size, "spec.size");
    KinstaDatabaseSpec.DatabaseType type = requireNonNull(spec.type, "spec.type");
    String version = requireNonNull(spec.version, "spec.version");
    String databaseName = requireNonNull(spec.databaseName, "spec.databaseName");
    HostingInventory lists = attempt.hostingLists();
    Optional<Cluster> cluster = lists.cluster(api, attempt.companyId(), location);
    if (cluster.isEmpty()) {
      return Optional.of(
          HostedPlacement.unknownLocation(lists, api, attempt.companyId(), location));
    }
    Optional<ResourceType> size = lists.databaseSize(api, attempt.companyId(), sizeName);
    if (size.isEmpty()) {
      return Optional.of(
          HostedPlacement.unknownDatabaseSize(lists, api, attempt.companyId(), sizeName));
    }
    Optional<String> made =
        creation()
            .create(
                displayName,
                () ->
                    api.databases()
                        .createDatabase(
                            new CreateDatabaseRequest(
                                displayName,
                                type.wire(),
                                version,
                                cluster.get().id(),
                                size.get().id(),
                                databaseName,
                                password,
                                spec.user,
                                null,
                                extensions()))
                        .id());
    if (made.isEmpty()) {
      return Optional.of(creation().unconfirmed(displayName));
    }
    attempt
        .events()
        .normal(
            resource,
            Reasons.CREATED,
            "Created " + type.wire() + " " + version + " database " + status.databaseId);
    return Optional.of(
        Outcome.progressing(
            DatabaseReasons.DATABASE_CREATING,
            "Sevalla is creating database " + status.databaseId,
            attempt.shortly()));
  }

  private CreateDatabaseRequest.@Nullable Extensions extensions() {
    KinstaDatabaseSpec.Extensions wanted = spec.extensions;
    return wanted == null
        ? null
        : new CreateDatabaseRequest.Extensions(wanted.vector, wanted.postgis, wanted.cron);
  }

  /** The password already in the connection Secret, or a new one written there first. */
  private Optional<String> generatedPassword() {
    String name = connectionSecret();
    Optional<Secret> existing = attempt.secret(name);
    Optional<String> kept =
        existing.flatMap(secret -> SecretLookup.value(secret, ConnectionDetails.PASSWORD));
    if (kept.isPresent()) {
      return kept;
    }
    String password = GeneratedPasswords.next();
    try {
      attempt
          .ownedSecrets()
          .ensure(resource, existing, name, ConnectionDetails.passwordOnly(password));
    } catch (OwnedSecrets.SecretConflict conflict) {
      return Optional.empty();
    }
    return Optional.of(password);
  }

  private String connectionSecret() {
    return spec.connectionSecretOr(resource.getMetadata().getName());
  }
}
