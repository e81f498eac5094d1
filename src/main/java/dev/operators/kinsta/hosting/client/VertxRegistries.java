package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.RegistryCredential;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Lane;
import java.util.List;
import java.util.Map;

/** {@link Registries} over the Vert.x transport. */
final class VertxRegistries extends HostingEndpoints implements Registries {
  VertxRegistries(KinstaTransport transport, KinstaCredentials credentials) {
    super(transport, credentials);
  }

  @Override
  public List<RegistryCredential> listRegistryCredentials() {
    return pages("/docker-registries", RegistryCredential.class);
  }

  @Override
  public String createRegistryCredential(
      String name, String registry, String username, String secret) {
    return required(
            KinstaRequest.post("/docker-registries")
                .body(
                    Map.of(
                        "name", name, "registry", registry, "username", username, "secret", secret))
                .lane(Lane.WRITE),
            "/id")
        .asText();
  }

  @Override
  public void updateRegistryCredential(String credentialId, String username, String secret) {
    call(
        KinstaRequest.patch("/docker-registries/{id}", credentialId)
            .body(Map.of("username", username, "secret", secret))
            .lane(Lane.WRITE));
  }

  @Override
  public void deleteRegistryCredential(String credentialId) {
    call(KinstaRequest.delete("/docker-registries/{id}", credentialId).lane(Lane.WRITE));
  }
}
