package dev.operators.kinsta.hosting.internalconnection;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnection;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionSpec.TargetType;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionStatus;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.InternalConnection;
import dev.operators.kinsta.hosting.client.dto.InternalConnectionTarget;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.Deletion;
import dev.operators.kinsta.reconcile.KinstaObjectReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.reconcile.Steps;
import dev.operators.kinsta.transport.KinstaApiException;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a {@link KinstaInternalConnection}: waits until both ends exist and are Ready (a
 * change of either end reconciles it again, through informers on them, not by polling), then
 * creates the connection under the database once, checking the database's existing connections
 * first so that no retry or restart ever duplicates it; deleting the resource removes it.
 */
public final class InternalConnectionReconciler
    extends KinstaObjectReconciler<KinstaInternalConnection, KinstaInternalConnectionStatus> {
  private static final String ENDS_INDEX = "connection-ends";

  private volatile @Nullable InformerEventSource<KinstaApplication, KinstaInternalConnection>
      applications;
  private volatile @Nullable InformerEventSource<KinstaDatabase, KinstaInternalConnection>
      databases;

  /** What a KinstaInternalConnection's reconcile does: wait for both ends, then link them. */
  static final Steps<Run> STEPS =
      Steps.first("wait for both ends to be Ready", InternalConnectionReconciler::resolveEnds);

  /** One reconcile of a connection: the attempt and the informers that hold its two ends. */
  record Run(
      Attempt<KinstaInternalConnection, KinstaInternalConnectionStatus> attempt,
      @Nullable InformerEventSource<KinstaDatabase, KinstaInternalConnection> databases,
      @Nullable InformerEventSource<KinstaApplication, KinstaInternalConnection> applications) {}

  public InternalConnectionReconciler(ControllerServices services) {
    super(services, KinstaInternalConnection.class, KinstaInternalConnectionStatus.class);
  }

  @Override
  protected List<EventSource<?, KinstaInternalConnection>> additionalEventSources(
      EventSourceContext<KinstaInternalConnection> context) {
    context.getPrimaryCache().addIndexer(ENDS_INDEX, InternalConnectionReconciler::endKeys);
    applications = endSource(context, KinstaApplication.class);
    databases = endSource(context, KinstaDatabase.class);
    return List.of(applications, databases);
  }

  private static <T extends CustomResource<?, ?>>
      InformerEventSource<T, KinstaInternalConnection> endSource(
          EventSourceContext<KinstaInternalConnection> context, Class<T> type) {
    var configuration =
        InformerEventSourceConfiguration.from(type, KinstaInternalConnection.class)
            .withName("connection-" + type.getSimpleName())
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                end ->
                    context
                        .getPrimaryCache()
                        .byIndex(
                            ENDS_INDEX,
                            endKey(
                                type.getSimpleName(),
                                end.getMetadata().getNamespace(),
                                end.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  /** The resources this connection waits for, as index keys. */
  private static List<String> endKeys(KinstaInternalConnection connection) {
    KinstaInternalConnectionSpec spec = connection.getSpec();
    String namespace = connection.getMetadata().getNamespace();
    List<String> keys = new ArrayList<>();
    if (spec == null) {
      return keys;
    }
    if (spec.database != null && spec.database.name != null) {
      keys.add(endKey("KinstaDatabase", namespace, spec.database.name));
    }
    if (spec.target != null && spec.target.application != null) {
      keys.add(endKey("KinstaApplication", namespace, spec.target.application));
    }
    if (spec.target != null && spec.target.database != null) {
      keys.add(endKey("KinstaDatabase", namespace, spec.target.database));
    }
    return keys;
  }

  private static String endKey(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }

  @Override
  protected List<FieldProblem> validate(KinstaInternalConnection connection) {
    KinstaInternalConnectionSpec spec = connection.getSpec();
    List<FieldProblem> problems = new ArrayList<>();
    if (spec == null
        || spec.database == null
        || (spec.database.name == null) == (spec.database.id == null)) {
      problems.add(new FieldProblem("spec.database", "set exactly one of name or id"));
    }
    if (spec == null || spec.target == null) {
      problems.add(new FieldProblem("spec.target", "is required"));
      return problems;
    }
    int forms =
        (spec.target.database != null ? 1 : 0)
            + (spec.target.application != null ? 1 : 0)
            + (spec.target.id != null ? 1 : 0);
    if (forms != 1) {
      problems.add(
          new FieldProblem("spec.target", "set exactly one of database, application or id"));
    }
    if ((spec.target.id == null) != (spec.target.type == null)) {
      problems.add(new FieldProblem("spec.target.type", "id and type go together"));
    }
    return problems;
  }

  @Override
  protected Outcome reconcileRemote(
      Attempt<KinstaInternalConnection, KinstaInternalConnectionStatus> attempt) {
    return STEPS.run(new Run(attempt, databases, applications), run -> link(run.attempt()));
  }

  /** Both ends, by id or as Ready resources in this namespace, recorded in the status. */
  private static Optional<Outcome> resolveEnds(Run run) {
    Attempt<KinstaInternalConnection, KinstaInternalConnectionStatus> attempt = run.attempt();
    KinstaInternalConnection connection = attempt.resource();
    KinstaInternalConnectionSpec spec = connection.getSpec();
    String namespace = connection.getMetadata().getNamespace();
    List<String> missing = new ArrayList<>();
    // The schema's rules: each end sets exactly one of its ways to name it.
    KinstaInternalConnectionSpec.DatabaseEnd from = requireNonNull(spec.database, "spec.database");
    KinstaInternalConnectionSpec.TargetEnd to = requireNonNull(spec.target, "spec.target");
    String databaseId =
        from.id != null
            ? from.id
            : readyEnd(
                    run.databases(),
                    namespace,
                    requireNonNull(from.name, "spec.database.name"),
                    "KinstaDatabase",
                    missing)
                .map(db -> db.getStatus().databaseId)
                .orElse(null);
    String targetId;
    TargetType targetType;
    if (to.id != null) {
      targetId = to.id;
      targetType = requireNonNull(to.type, "spec.target.type");
    } else if (to.database != null) {
      targetType = TargetType.database;
      targetId =
          readyEnd(run.databases(), namespace, to.database, "KinstaDatabase", missing)
              .map(db -> db.getStatus().databaseId)
              .orElse(null);
    } else {
      targetType = TargetType.application;
      targetId =
          readyEnd(
                  run.applications(),
                  namespace,
                  requireNonNull(to.application, "spec.target.application"),
                  "KinstaApplication",
                  missing)
              .map(app -> app.getStatus().applicationId)
              .orElse(null);
    }
    if (!missing.isEmpty() || databaseId == null || targetId == null) {
      // No requeue: a change of either end reconciles this resource through its informer.
      return Optional.of(
          Outcome.progressing(
              ConnectionReasons.WAITING_FOR_DEPENDENCIES,
              "Waiting for " + String.join(" and ", missing),
              null));
    }
    KinstaInternalConnectionStatus status = attempt.status();
    status.databaseId = databaseId;
    status.targetId = targetId;
    status.targetType = targetType.name();
    return Optional.empty();
  }

  /** Creates the connection unless the database already has it. */
  private static Outcome link(
      Attempt<KinstaInternalConnection, KinstaInternalConnectionStatus> attempt) {
    KinstaInternalConnectionStatus resolved = attempt.status();
    String databaseId = Objects.requireNonNull(resolved.databaseId, "resolved before use");
    String targetId = Objects.requireNonNull(resolved.targetId, "resolved before use");
    TargetType targetType =
        TargetType.valueOf(Objects.requireNonNull(resolved.targetType, "resolved before use"));
    HostingApi api = attempt.hosting();
    List<InternalConnection> listed;
    try {
      listed = api.databases().listInternalConnections(databaseId);
    } catch (KinstaApiException.NotFound gone) {
      return Outcome.stalled(
          ConnectionReasons.DATABASE_NOT_FOUND,
          "Database " + databaseId + " does not exist in Sevalla");
    }
    Optional<InternalConnection> existing = find(listed, databaseId, targetType, targetId);
    String connectionId;
    if (existing.isPresent()) {
      connectionId = existing.get().id();
    } else if (attempt.observing()) {
      return attempt.nothingToObserve(
          "the internal connection of database "
              + databaseId
              + " to "
              + targetType
              + " "
              + targetId);
    } else {
      connectionId =
          api.databases()
              .createInternalConnection(
                  databaseId,
                  targetType == TargetType.database
                      ? InternalConnectionTarget.DATABASE
                      : InternalConnectionTarget.APPLICATION,
                  targetId);
      attempt
          .events()
          .normal(
              attempt.resource(),
              ConnectionReasons.CONNECTED,
              "Connected database " + databaseId + " to " + targetType + " " + targetId);
    }
    attempt.status().connectionId = connectionId;
    return attempt.ready(
        "Database "
            + databaseId
            + " and "
            + targetType
            + " "
            + targetId
            + " reach each other on Sevalla's internal network");
  }

  /** The connection between the two, whichever end Sevalla lists as its source. */
  private static Optional<InternalConnection> find(
      List<InternalConnection> listed, String databaseId, TargetType type, String targetId) {
    InternalConnectionTarget target =
        type == TargetType.database
            ? InternalConnectionTarget.DATABASE
            : InternalConnectionTarget.APPLICATION;
    return listed.stream()
        .filter(
            c ->
                (databaseId.equals(c.sourceId())
                        && targetId.equals(c.targetId())
                        && target.listedName().equals(c.targetType()))
                    || (targetId.equals(c.sourceId())
                        && databaseId.equals(c.targetId())
                        && target.listedName().equals(c.sourceType())))
        .findFirst();
  }

  @Override
  protected Optional<String> kinstaId(KinstaInternalConnection connection) {
    return Optional.ofNullable(
        connection.getStatus() == null ? null : connection.getStatus().connectionId);
  }

  @Override
  protected boolean hasRemoteObject(KinstaInternalConnectionStatus status) {
    return status.connectionId != null;
  }

  /** Sevalla removes a connection at once; one already gone counts as removed. */
  @Override
  protected Deletion deleteRemote(
      Attempt<KinstaInternalConnection, KinstaInternalConnectionStatus> attempt) {
    KinstaInternalConnectionStatus status = attempt.status();
    if (status.connectionId == null || status.databaseId == null) {
      return Deletion.finished();
    }
    try {
      attempt
          .hosting()
          .databases()
          .deleteInternalConnection(status.databaseId, status.connectionId);
    } catch (KinstaApiException.NotFound alreadyGone) {
      // The database went first, or someone removed the connection: nothing is left to remove.
    }
    return Deletion.finished();
  }

  @Override
  protected DeletionPolicy deletionPolicy(KinstaInternalConnection connection) {
    return deletionPolicy(connection.getSpec().deletionPolicy, false);
  }

  @Override
  protected String remoteKind() {
    return "Internal connection";
  }

  @Override
  protected String describeRemote(KinstaInternalConnectionStatus status) {
    return "Internal connection " + status.connectionId;
  }

  /** The end if it exists and is Ready; otherwise it is named in {@code missing}. */
  private static <T extends CustomResource<?, ?>> Optional<T> readyEnd(
      @Nullable InformerEventSource<T, ?> source,
      String namespace,
      String name,
      String kind,
      List<String> missing) {
    Optional<T> end =
        source == null ? Optional.empty() : source.get(new ResourceID(name, namespace));
    if (end.isEmpty()) {
      missing.add(kind + " " + name + " (it does not exist)");
      return Optional.empty();
    }
    if (!StatusConditions.isReadyAndCurrent(end.get())) {
      missing.add(kind + " " + name + " to be Ready");
      return Optional.empty();
    }
    return end;
  }
}
