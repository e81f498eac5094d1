package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.EnvVariable;
import dev.operators.kinsta.hosting.client.dto.HostedDomain;
import dev.operators.kinsta.hosting.client.dto.IpRestrictionState;
import java.util.List;

/**
 * Sevalla's v3 calls on what every hosted service has: environment variables, domains, IP
 * restriction, suspension.
 */
public interface Services {
  /** {@code GET …/{id}/env-vars}, every page (values decrypted). */
  List<EnvVariable> listEnvVariables(HostedService service, String serviceId);

  /** {@code POST …/{id}/env-vars}. */
  void createEnvVariable(HostedService service, String serviceId, EnvVariable variable);

  /** {@code PUT …/{id}/env-vars/{env_var_id}}. */
  void updateEnvVariable(
      HostedService service, String serviceId, String variableId, EnvVariable variable);

  /** {@code DELETE …/{id}/env-vars/{env_var_id}}. */
  void deleteEnvVariable(HostedService service, String serviceId, String variableId);

  /** {@code GET …/{id}/domains}, every page: Sevalla's own domain and the custom ones. */
  List<HostedDomain> listDomains(HostedService service, String serviceId);

  /** {@code POST …/{id}/domains}. */
  HostedDomain addDomain(HostedService service, String serviceId, String name, boolean wildcard);

  /** {@code DELETE …/{id}/domains/{domain_id}}. */
  void deleteDomain(HostedService service, String serviceId, String domainId);

  /** {@code POST …/{id}/domains/{domain_id}/set-primary}. */
  void setPrimaryDomain(HostedService service, String serviceId, String domainId);

  /** {@code GET …/{id}/ip-restriction} (applications and databases). */
  IpRestrictionState getIpRestriction(HostedService service, String serviceId);

  /** {@code PUT …/{id}/ip-restriction}. */
  void putIpRestriction(HostedService service, String serviceId, IpRestrictionState restriction);

  /** {@code POST …/{id}/suspend} (applications and databases). */
  void suspend(HostedService service, String serviceId);

  /** {@code POST …/{id}/activate}: the service starts again, some time later. */
  void activate(HostedService service, String serviceId);
}
