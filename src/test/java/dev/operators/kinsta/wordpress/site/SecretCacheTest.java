package dev.operators.kinsta.wordpress.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.SecretCache;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operator's one Secret cache holds the Secrets resources name and nothing else: they carry the
 * label it watches, which it adds itself the first time it reads one, and unrelated Secrets are
 * left alone. A credentials Secret created after its resource is found all the same.
 */
class SecretCacheTest extends SharedHarnessTest {

  @Test
  void onlyTheSecretsResourcesNameAreLabelledAndCached() {
    Tenant tenant = harness.tenant();
    for (int i = 0; i < 20; i++) {
      tenant.secret("unrelated-" + i, Map.of("token", "not-for-the-operator-" + i));
    }
    KinstaSite site = Sites.plain("cached");
    site.getSpec().credentialsRef = new CredentialsReference("late-credentials");
    tenant.create(site);
    tenant.awaitSiteStalled("cached", Reasons.CREDENTIALS_NOT_FOUND.code());

    tenant.secret(
        "late-credentials", Map.of("apiKey", tenant.apiKey, "companyId", tenant.companyId()));
    tenant.awaitSiteReady("cached");

    Set<String> labelled =
        harness.client.secrets().inNamespace(tenant.namespace).list().getItems().stream()
            .filter(
                s ->
                    SecretCache.LABEL_VALUE.equals(
                        s.getMetadata().getLabels() == null
                            ? null
                            : s.getMetadata().getLabels().get(SecretCache.LABEL)))
            .map(s -> s.getMetadata().getName())
            .collect(Collectors.toSet());
    assertEquals(Set.of("late-credentials"), labelled, "only the Secret a resource names");
    List<Secret> unrelated =
        harness.client.secrets().inNamespace(tenant.namespace).list().getItems().stream()
            .filter(s -> s.getMetadata().getName().startsWith("unrelated-"))
            .toList();
    assertEquals(20, unrelated.size());
  }
}
