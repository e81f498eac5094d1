package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.EnvVariable;
import dev.operators.kinsta.hosting.client.dto.HostedDomain;
import dev.operators.kinsta.hosting.client.dto.IpRestrictionState;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import java.util.List;
import java.util.Map;

/** {@link Services} over the Vert.x transport. */
final class VertxServices extends HostingEndpoints implements Services {
  VertxServices(KinstaTransport transport, KinstaCredentials credentials) {
    super(transport, credentials);
  }

  @Override
  public List<EnvVariable> listEnvVariables(HostedService service, String serviceId) {
    return pages(() -> sub(KinstaRequest::get, service, "/env-vars", serviceId), EnvVariable.class);
  }

  @Override
  public void createEnvVariable(HostedService service, String serviceId, EnvVariable variable) {
    call(sub(KinstaRequest::post, service, "/env-vars", serviceId).body(variable).lane(Lane.WRITE));
  }

  @Override
  public void updateEnvVariable(
      HostedService service, String serviceId, String variableId, EnvVariable variable) {
    call(
        sub(KinstaRequest::put, service, "/env-vars/{env_var_id}", serviceId, variableId)
            .body(variable)
            .lane(Lane.WRITE));
  }

  @Override
  public void deleteEnvVariable(HostedService service, String serviceId, String variableId) {
    call(
        sub(KinstaRequest::delete, service, "/env-vars/{env_var_id}", serviceId, variableId)
            .lane(Lane.WRITE));
  }

  @Override
  public List<HostedDomain> listDomains(HostedService service, String serviceId) {
    return pages(() -> sub(KinstaRequest::get, service, "/domains", serviceId), HostedDomain.class);
  }

  @Override
  public HostedDomain addDomain(
      HostedService service, String serviceId, String name, boolean wildcard) {
    return read(
        sub(KinstaRequest::post, service, "/domains", serviceId)
            .body(Map.of("domain_name", name, "is_wildcard", wildcard))
            .lane(Lane.WRITE),
        "",
        HostedDomain.class);
  }

  @Override
  public void deleteDomain(HostedService service, String serviceId, String domainId) {
    call(
        sub(KinstaRequest::delete, service, "/domains/{domain_id}", serviceId, domainId)
            .lane(Lane.WRITE));
  }

  @Override
  public void setPrimaryDomain(HostedService service, String serviceId, String domainId) {
    call(
        sub(KinstaRequest::post, service, "/domains/{domain_id}/set-primary", serviceId, domainId)
            .lane(Lane.WRITE));
  }

  @Override
  public IpRestrictionState getIpRestriction(HostedService service, String serviceId) {
    return read(
        sub(KinstaRequest::get, service, "/ip-restriction", serviceId),
        "",
        IpRestrictionState.class);
  }

  @Override
  public void putIpRestriction(
      HostedService service, String serviceId, IpRestrictionState restriction) {
    call(
        sub(KinstaRequest::put, service, "/ip-restriction", serviceId)
            .body(restriction)
            .onService(serviceId));
  }

  @Override
  public void suspend(HostedService service, String serviceId) {
    call(sub(KinstaRequest::post, service, "/suspend", serviceId).onService(serviceId));
  }

  @Override
  public void activate(HostedService service, String serviceId) {
    call(sub(KinstaRequest::post, service, "/activate", serviceId).onService(serviceId));
  }
}
