package dev.operators.kinsta.metrics;

import dev.operators.kinsta.api.v1alpha1.KinstaStatus;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.reconcile.CredentialsResolver;
import dev.operators.kinsta.reconcile.ResourceObserver;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.transport.ApiCallObserver;
import dev.operators.kinsta.transport.budget.Priority;
import dev.operators.kinsta.transport.budget.RateBudgets;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The operator's own Prometheus metrics (JOSDK adds its reconcile metrics to the same registry).
 * Labels are endpoints (paths with placeholders, never ids), kinds, condition states, operation
 * types and company ids: nothing secret, and nothing that grows with the number of resources except
 * the company.
 */
public final class OperatorMetrics
    implements ApiCallObserver,
        RateBudgets.Listener,
        ResourceObserver,
        CredentialsResolver.KeyObserver {

  /** What one resource looked like after its last reconcile. */
  private record Snapshot(String kind, String state, @Nullable TrackedOperation operation) {}

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Snapshot> resources = new ConcurrentHashMap<>();
  private final Set<String> gauges = ConcurrentHashMap.newKeySet();
  private final Map<String, Double> keyExpiry = new ConcurrentHashMap<>();
  private volatile @Nullable RateBudgets budgets;

  public OperatorMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** The budgets whose remaining permits are reported per company. */
  public OperatorMetrics watching(RateBudgets rateBudgets) {
    this.budgets = rateBudgets;
    return this;
  }

  public MeterRegistry registry() {
    return registry;
  }

  // ---- Kinsta API ----

  @Override
  public void exchanged(String endpoint, int status, Duration duration) {
    String statusLabel = status == 0 ? "none" : Integer.toString(status);
    Timer.builder("kinsta.api.requests")
        .description("Kinsta API requests by endpoint and HTTP status")
        .tag("endpoint", endpoint)
        .tag("status", statusLabel)
        .register(registry)
        .record(duration);
    if (status == 429) {
      Counter.builder("kinsta.api.rate.limited")
          .description("Kinsta answers 429 Too Many Requests")
          .tag("endpoint", endpoint)
          .register(registry)
          .increment();
    }
  }

  // ---- rate budget ----

  @Override
  public void permitGranted(String company, Priority priority) {
    Counter.builder("kinsta.rate.budget.granted")
        .description("Permits of the rate budget granted")
        .tag("priority", priority.name())
        .register(registry)
        .increment();
    registerBudgetGauge(company);
  }

  @Override
  public void permitDenied(String company, Priority priority, Duration retryAfter) {
    Counter.builder("kinsta.rate.budget.denied")
        .description("Calls refused a permit (rescheduled for when one will be there)")
        .tag("priority", priority.name())
        .register(registry)
        .increment();
  }

  @Override
  public void paused(String company, Duration duration) {
    Counter.builder("kinsta.rate.budget.pauses")
        .description("Pauses of a company's budget after a 429")
        .register(registry)
        .increment();
  }

  private void registerBudgetGauge(String company) {
    RateBudgets watched = budgets;
    if (watched == null || company.startsWith("key:") || !gauges.add("budget:" + company)) {
      return;
    }
    Gauge.builder("kinsta.rate.budget.available", watched, b -> b.availablePermits(company))
        .description("Requests the company's budget can still make now")
        .tag("company", company)
        .register(registry);
  }

  // ---- API keys ----

  @Override
  public void validated(String company, Optional<Instant> expiry) {
    expiry.ifPresent(
        at -> {
          keyExpiry.put(company, (double) at.getEpochSecond());
          if (gauges.add("expiry:" + company)) {
            Gauge.builder(
                    "kinsta.api.key.expiry", keyExpiry, m -> m.getOrDefault(company, Double.NaN))
                .description(
                    "When the company's API key expires, in seconds since the epoch (GET /validate)")
                .baseUnit("seconds")
                .tag("company", company)
                .register(registry);
          }
        });
  }

  // ---- resources and operations ----

  @Override
  public void observed(HasMetadata resource, @Nullable KinstaStatus status) {
    String kind = resource.getKind();
    Snapshot now = new Snapshot(kind, state(status), status == null ? null : status.operation);
    Snapshot before = resources.put(resource.getMetadata().getUid(), now);
    registerStateGauges(kind);
    if (now.operation != null && now.operation.type != null) {
      registerOperationGauge(now.operation.type);
    }
    if (before != null
        && before.operation != null
        && (now.operation == null || !sameWork(before.operation, now.operation))) {
      recordFinished(before.operation, "Stalled".equals(now.state) ? "failed" : "succeeded");
    }
  }

  /** Work without a Kinsta operation id (a deployment, a deletion) is told apart by its start. */
  private static boolean sameWork(TrackedOperation a, TrackedOperation b) {
    return java.util.Objects.equals(a.id, b.id)
        && java.util.Objects.equals(a.type, b.type)
        && java.util.Objects.equals(a.startedAt, b.startedAt);
  }

  @Override
  public void orphaned(HasMetadata resource) {
    Counter.builder("kinsta.resources.orphaned")
        .description(
            "Resources deleted while their Kinsta object, which their policy says to delete, stays")
        .tag("kind", resource.getKind())
        .register(registry)
        .increment();
  }

  @Override
  public void driftCorrected(HasMetadata resource) {
    Counter.builder("kinsta.drift.corrections")
        .description("Fields the operator put back after they were changed in Kinsta")
        .tag("kind", resource.getKind())
        .register(registry)
        .increment();
  }

  @Override
  public void forgotten(HasMetadata resource) {
    resources.remove(resource.getMetadata().getUid());
  }

  private void recordFinished(TrackedOperation operation, String outcome) {
    String type = operation.type;
    String startedAt = operation.startedAt;
    if (type == null || startedAt == null) {
      return;
    }
    try {
      Duration took = Duration.between(Instant.parse(startedAt), clock.instant());
      Timer.builder("kinsta.operations.duration")
          .description("How long Kinsta operations took, by type and outcome")
          .tag("type", type)
          .tag("outcome", outcome)
          .register(registry)
          .record(took);
    } catch (DateTimeParseException unknownStart) {
      // An operation without a readable start time cannot be
      // timed; it still leaves the in-flight gauge.
    }
  }

  private static String state(@Nullable KinstaStatus status) {
    if (StatusConditions.isTrue(status, StatusConditions.READY)) {
      return "Ready";
    }
    if (StatusConditions.isTrue(status, StatusConditions.STALLED)) {
      return "Stalled";
    }
    return "Reconciling";
  }

  private void registerStateGauges(String kind) {
    if (!gauges.add("kind:" + kind)) {
      return;
    }
    for (String state : new String[] {"Ready", "Reconciling", "Stalled"}) {
      Gauge.builder(
              "kinsta.resources",
              resources,
              m ->
                  m.values().stream()
                      .filter(s -> s.kind.equals(kind) && s.state.equals(state))
                      .count())
          .description("Custom resources by kind and kstatus state")
          .tag("kind", kind)
          .tag("state", state)
          .register(registry);
    }
  }

  private void registerOperationGauge(String type) {
    if (!gauges.add("operation:" + type)) {
      return;
    }
    Gauge.builder(
            "kinsta.operations.in.flight",
            resources,
            m ->
                m.values().stream()
                    .filter(s -> s.operation != null && type.equals(s.operation.type))
                    .count())
        .description("Kinsta operations being tracked, by type")
        .tag("type", type)
        .register(registry);
  }
}
