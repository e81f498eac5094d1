package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.RateBudgets;

/**
 * {@link KinstaApi} over the Vert.x transport: one implementation per area, sharing the
 * credentials.
 */
public final class VertxKinstaApi implements KinstaApi {
  private final KinstaTransport transport;
  private final KinstaCredentials credentials;
  private final VertxCompany company;
  private final VertxSites sites;
  private final VertxEnvironments environments;
  private final VertxAccess access;
  private final VertxDns dns;
  private final VertxBackups backups;
  private final VertxWordPress wordPress;
  private final VertxOperations operations;

  public VertxKinstaApi(KinstaTransport transport, KinstaCredentials credentials) {
    this(transport, credentials, false);
  }

  /** With {@code reporting}, every read goes on the usage lane at reporting priority. */
  public VertxKinstaApi(
      KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    this.transport = transport;
    this.credentials = credentials;
    this.company = new VertxCompany(transport, credentials, reporting);
    this.sites = new VertxSites(transport, credentials, reporting);
    this.environments = new VertxEnvironments(transport, credentials, reporting);
    this.access = new VertxAccess(transport, credentials, reporting);
    this.dns = new VertxDns(transport, credentials, reporting);
    this.backups = new VertxBackups(transport, credentials, reporting);
    this.wordPress = new VertxWordPress(transport, credentials, reporting);
    this.operations = new VertxOperations(transport, credentials, reporting);
  }

  @Override
  public RateBudgets.CreationHold holdCreation() {
    return transport.holdCreation(credentials.companyId());
  }

  @Override
  public Company company() {
    return company;
  }

  @Override
  public Sites sites() {
    return sites;
  }

  @Override
  public Environments environments() {
    return environments;
  }

  @Override
  public Access access() {
    return access;
  }

  @Override
  public Dns dns() {
    return dns;
  }

  @Override
  public Backups backups() {
    return backups;
  }

  @Override
  public WordPress wordPress() {
    return wordPress;
  }

  @Override
  public Operations operations() {
    return operations;
  }
}
