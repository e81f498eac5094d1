package dev.operators.kinsta.connection;

import dev.operators.kinsta.api.v1alpha1.FieldProblem;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnection;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionSpec.TargetType;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionStatus;
import dev.operators.kinsta.client.HostingApi;
import dev.operators.kinsta.client.KinstaApiException;
import dev.operators.kinsta.client.dto.Application;
import dev.operators.kinsta.client.dto.InternalConnectionTarget;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.ControllerServices;
import dev.operators.kinsta.reconcile.KinstaReconciler;
import dev.operators.kinsta.reconcile.Outcome;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.reconcile.Steps;
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
 * creates the link once, checking the application's existing links first so that no retry or
 * restart ever duplicates it.
 */
public final class InternalConnectionReconciler
    extends KinstaReconciler<KinstaInternalConnection, KinstaInternalConnectionStatus> {
  private static final String ENDS_INDEX = "connection-ends";

  private volatile @Nullable InformerEventSource<KinstaApplication, KinstaInternalConnection>
      applications;
  private volatile @Nullable InformerEventSource<KinstaDatabase, KinstaInternalConnection>
      databases;

  /** What a KinstaInternalConnection's reconcile does: wait for both ends, then link them. */
  private final Steps<Attempt<KinstaInternalConnection, KinstaInternalConnectionStatus>> steps =
      Steps.first("wait for both ends to be Ready", this::resolveEnds);

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
    if (spec.application != null && spec.application.name != null) {
      keys.add(endKey("KinstaApplication", namespace, spec.application.name));
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
        || spec.application == null
        || (spec.application.name == null) == (spec.application.id == null)) {
      problems.add(new FieldProblem("spec.application", "set exactly one of name or id"));
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
    return steps.run(attempt, InternalConnectionReconciler::link);
  }

  /** Both ends, by id or as Ready resources in this namespace, recorded in the status. */
  private Optional<Outcome> resolveEnds(
      Attempt<KinstaInternalConnection, KinstaInternalConnectionStatus> attempt) {
    KinstaInternalConnection connection = attempt.resource();
    KinstaInternalConnectionSpec spec = connection.getSpec();
    String namespace = connection.getMetadata().getNamespace();
    List<String> missing = new ArrayList<>();
    String applicationId =
        spec.application.id != null
            ? spec.application.id
            : readyEnd(applications, namespace, spec.application.name, "KinstaApplication", missing)
                .map(app -> app.getStatus().applicationId)
                .orElse(null);
    String targetId;
    TargetType targetType;
    if (spec.target.id != null) {
      targetId = spec.target.id;
      targetType = spec.target.type;
    } else if (spec.target.database != null) {
      targetType = TargetType.database;
      targetId =
          readyEnd(databases, namespace, spec.target.database, "KinstaDatabase", missing)
              .map(db -> db.getStatus().databaseId)
              .orElse(null);
    } else {
      targetType = TargetType.application;
      targetId =
          readyEnd(applications, namespace, spec.target.application, "KinstaApplication", missing)
              .map(app -> app.getStatus().applicationId)
              .orElse(null);
    }
    if (!missing.isEmpty() || applicationId == null || targetId == null) {
      // No requeue: a change of either end reconciles this resource through its informer.
      return Optional.of(
          Outcome.progressing(
              ConnectionReasons.WAITING_FOR_DEPENDENCIES,
              "Waiting for " + String.join(" and ", missing),
              null));
    }
    KinstaInternalConnectionStatus status = attempt.status();
    status.applicationId = applicationId;
    status.targetId = targetId;
    status.targetType = targetType.name();
    return Optional.empty();
  }

  /** Creates the link unless the application already has it; Ready once Kinsta lists it. */
  private static Outcome link(
      Attempt<KinstaInternalConnection, KinstaInternalConnectionStatus> attempt) {
    KinstaInternalConnectionStatus resolved = attempt.status();
    String applicationId = Objects.requireNonNull(resolved.applicationId, "resolved before use");
    String targetId = Objects.requireNonNull(resolved.targetId, "resolved before use");
    TargetType targetType = TargetType.valueOf(resolved.targetType);
    HostingApi api = attempt.hosting();
    Application app;
    try {
      app = api.getApplication(applicationId);
    } catch (KinstaApiException.NotFound gone) {
      return Outcome.stalled(
          ConnectionReasons.APPLICATION_NOT_FOUND,
          "Application " + applicationId + " does not exist in Kinsta");
    }
    Optional<Application.InternalConnection> existing = find(app, targetType, targetId);
    if (existing.isEmpty()) {
      api.createInternalConnection(
          applicationId,
          targetType == TargetType.database
              ? InternalConnectionTarget.DATABASE
              : InternalConnectionTarget.APPLICATION,
          targetId);
      attempt
          .events()
          .normal(
              attempt.resource(),
              ConnectionReasons.CONNECTED,
              "Linked application " + applicationId + " to " + targetType + " " + targetId);
      existing = find(api.getApplication(applicationId), targetType, targetId);
      if (existing.isEmpty()) {
        return Outcome.progressing(
            ConnectionReasons.CONNECTING,
            "Kinsta does not list the link from application "
                + applicationId
                + " to "
                + targetType
                + " "
                + targetId
                + " yet",
            attempt.shortly());
      }
    }
    attempt.status().connectionId = existing.get().id();
    return attempt.ready(
        "Application "
            + applicationId
            + " reaches "
            + targetType
            + " "
            + targetId
            + " on Kinsta's internal network (Kinsta's API cannot remove the link: it stays if this resource is "
            + "deleted)");
  }

  private static Optional<Application.InternalConnection> find(
      Application app, TargetType type, String targetId) {
    return app.internalConnectionsOrEmpty().stream()
        .filter(
            link -> {
              Application.NamedRef end = type == TargetType.database ? link.database() : link.app();
              return end != null && targetId.equals(end.id());
            })
        .findFirst();
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
