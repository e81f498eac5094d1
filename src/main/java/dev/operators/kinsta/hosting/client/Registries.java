package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.RegistryCredential;
import java.util.List;

/** Sevalla's v3 calls on the company's container registry credentials. */
public interface Registries {
  /** {@code GET /docker-registries}, every page. */
  List<RegistryCredential> listRegistryCredentials();

  /** {@code POST /docker-registries}: answers the new credential's id. */
  String createRegistryCredential(String name, String registry, String username, String secret);

  /** {@code PATCH /docker-registries/{id}}: a new login for it. */
  void updateRegistryCredential(String credentialId, String username, String secret);

  /** {@code DELETE /docker-registries/{id}}. */
  void deleteRegistryCredential(String credentialId);
}
