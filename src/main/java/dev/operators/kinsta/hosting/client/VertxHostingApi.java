package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.RateBudgets;

/**
 * {@link HostingApi} over the Vert.x transport: one implementation per area, sharing the key. Bare
 * objects, pages of {@code {data, total, offset, limit}}, ISO timestamps, {@code PATCH} for
 * updates; each call goes on the lane of Sevalla's tier for it: creations, changes to one service
 * (mutations and deployments), other writes, reads.
 */
public final class VertxHostingApi implements HostingApi {
  private final KinstaTransport transport;
  private final KinstaCredentials credentials;
  private final VertxReferences references;
  private final VertxDatabases databases;
  private final VertxRegistries registries;
  private final VertxApplications applications;
  private final VertxProcesses processes;
  private final VertxDeployments deployments;
  private final VertxPipelines pipelines;
  private final VertxStaticSites staticSites;
  private final VertxServices services;

  public VertxHostingApi(KinstaTransport transport, KinstaCredentials credentials) {
    this.transport = transport;
    this.credentials = credentials;
    this.references = new VertxReferences(transport, credentials);
    this.databases = new VertxDatabases(transport, credentials);
    this.registries = new VertxRegistries(transport, credentials);
    this.applications = new VertxApplications(transport, credentials);
    this.processes = new VertxProcesses(transport, credentials);
    this.deployments = new VertxDeployments(transport, credentials);
    this.pipelines = new VertxPipelines(transport, credentials);
    this.staticSites = new VertxStaticSites(transport, credentials);
    this.services = new VertxServices(transport, credentials);
  }

  @Override
  public RateBudgets.CreationHold holdCreation() {
    return transport.holdCreation(credentials.companyId());
  }

  @Override
  public References references() {
    return references;
  }

  @Override
  public Databases databases() {
    return databases;
  }

  @Override
  public Registries registries() {
    return registries;
  }

  @Override
  public Applications applications() {
    return applications;
  }

  @Override
  public Processes processes() {
    return processes;
  }

  @Override
  public Deployments deployments() {
    return deployments;
  }

  @Override
  public Pipelines pipelines() {
    return pipelines;
  }

  @Override
  public StaticSites staticSites() {
    return staticSites;
  }

  @Override
  public Services services() {
    return services;
  }
}
