package dev.operators.kinsta.client;

import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.VertxHostingApi;
import dev.operators.kinsta.transport.ApiCallObserver;
import dev.operators.kinsta.transport.ApiKey;
import dev.operators.kinsta.transport.KinstaClientSettings;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.RateBudgets;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.VertxKinstaApi;
import dev.operators.kinsta.wordpress.client.dto.ApiKeyInfo;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Hands out Kinsta clients bound to a company's credentials. One instance serves the whole
 * operator, so all controllers share one HTTP connection pool and one {@link RateBudgets}.
 */
public final class KinstaClients implements AutoCloseable {
  private final WebClient web;
  private final RateBudgets budgets;
  private final RateBudgets hostingBudgets;
  private final KinstaTransport kinsta;
  private final KinstaTransport hosting;

  public KinstaClients(
      Vertx vertx, KinstaClientSettings settings, ApiCallObserver observer, RateBudgets budgets) {
    this.web =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setUserAgent("kinsta-operator")
                .setConnectTimeout(
                    (int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis()))
                .setMaxPoolSize(16)
                .setKeepAlive(true));
    this.budgets = budgets;
    this.hostingBudgets = budgets.sibling(settings.hostingBudget());
    Clock clock = Clock.systemUTC();
    this.kinsta =
        new KinstaTransport(
            web,
            settings.kinstaBaseUrl(),
            budgets,
            settings.requestTimeout(),
            settings.readRetries(),
            observer,
            clock);
    this.hosting =
        new KinstaTransport(
            web,
            settings.hostingBaseUrl(),
            hostingBudgets,
            settings.requestTimeout(),
            settings.readRetries(),
            observer,
            clock);
  }

  /** The WordPress API for these credentials. */
  public KinstaApi kinsta(KinstaCredentials credentials) {
    return new VertxKinstaApi(kinsta, credentials);
  }

  /**
   * The WordPress API for reports (usage metrics, plugin and backup lists in status): its reads go
   * on the usage lane at reporting priority, after every reconcile's calls.
   */
  public KinstaApi reports(KinstaCredentials credentials) {
    return new VertxKinstaApi(kinsta, credentials, true);
  }

  /** The application, database and static-site API (Sevalla v3) for these credentials. */
  public HostingApi hosting(KinstaCredentials credentials) {
    return new VertxHostingApi(hosting, credentials);
  }

  /**
   * {@code GET /validate} for a key, charged to the budget of the company the Secret names (Kinsta
   * counts it there), or, when the company is what the call finds out, to a budget named after the
   * key's fingerprint.
   */
  public ApiKeyInfo validate(ApiKey key, @Nullable String declaredCompany) {
    String budget = declaredCompany != null ? declaredCompany : "key:" + key.fingerprint();
    return new VertxKinstaApi(kinsta, new KinstaCredentials(key, budget)).company().validate();
  }

  public RateBudgets budgets() {
    return budgets;
  }

  @Override
  public void close() {
    web.close();
  }
}
