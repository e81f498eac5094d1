package dev.operators.kinsta.operator;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * {@code /metrics} (Prometheus text format), {@code /healthz} (the process and its controllers are
 * running) and {@code /readyz} (every informer has synced and is healthy). Plain HTTP: it carries
 * nothing secret, and the Helm chart's NetworkPolicy restricts who may reach it.
 */
public final class ManagementServer implements AutoCloseable {
  private final HttpServer server;

  private ManagementServer(HttpServer server) {
    this.server = server;
  }

  public static ManagementServer start(
      Vertx vertx,
      int port,
      PrometheusMeterRegistry registry,
      BooleanSupplier live,
      BooleanSupplier ready) {
    Router router = Router.router(vertx);
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(registry.scrape()));
    router.get("/healthz").handler(ctx -> answer(ctx.response(), live.getAsBoolean()));
    router.get("/readyz").handler(ctx -> answer(ctx.response(), ready.getAsBoolean()));
    try {
      HttpServer server =
          vertx
              .createHttpServer()
              .requestHandler(router)
              .listen(port, "0.0.0.0")
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      return new ManagementServer(server);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the management server", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot listen on management port " + port + ": " + e.getMessage(), e);
    }
  }

  private static void answer(io.vertx.core.http.HttpServerResponse response, boolean ok) {
    response
        .setStatusCode(ok ? 200 : 503)
        .putHeader("Content-Type", "text/plain")
        .end(ok ? "ok\n" : "not ready\n");
  }

  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
