package dev.operators.kinsta.company;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaCompany;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanySpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaObjectStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.ManagementPolicy;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A company moved into Git in one step: a KinstaCompany exports every object no resource manages as
 * a manifest; applied unchanged, each is Ready under Observe with no drift and nothing written.
 */
class CompanyExportTest extends SharedHarnessTest {
  private static final int EACH = 20;
  private static final List<Class<? extends CustomResource<?, ?>>> KINDS =
      List.of(
          KinstaSite.class,
          KinstaDatabase.class,
          KinstaApplication.class,
          KinstaStaticSite.class,
          KinstaPipeline.class,
          KinstaDnsRecord.class);

  @Test
  void twentyObjectsOfEveryKindExportedAndAppliedAreObservedWithoutDriftOrWrites() {
    Tenant importing = harness.tenant();
    Tenant other = harness.sameCompanyAs(importing);
    String company = importing.companyId();
    List<String> databases = new java.util.ArrayList<>();
    for (int i = 1; i <= EACH; i++) {
      harness.kinsta.simulator.seedSite(company, "Client site " + i);
      databases.add(harness.kinsta.simulator.seedDatabase(company, "Client db " + i, "postgresql"));
      harness.kinsta.simulator.seedApplication(company, "Client app " + i);
      harness.kinsta.simulator.seedStaticSite(company, "docs-" + i);
      harness.kinsta.simulator.seedPipeline(company, "Release " + i);
    }
    String domain = "clients-" + company.substring(0, 8) + ".example";
    String zoneId = harness.kinsta.simulator.seedDnsZone(company, domain);
    harness.kinsta.simulator.mutate(
        state -> {
          // The zone comes with two record sets (apex A, www CNAME); eighteen more make twenty.
          for (int i = 1; i <= EACH - 2; i++) {
            state
                .dnsZones
                .get(zoneId)
                .records
                .add(
                    new SimulatorState.DnsRecord(
                        "TXT", "t" + i + "." + domain, 300, List.of("client=" + i)));
          }
        });
    String managedElsewhere = databases.get(0);
    // Managed from another namespace of the same company: it is not exported.
    KinstaDatabase adopted = DatabaseLifecycleTest.postgres("kept-elsewhere");
    adopted.getSpec().adopt = new KinstaDatabaseSpec.DatabaseAdoption();
    adopted.getSpec().adopt.id = managedElsewhere;
    other.create(adopted);
    DatabaseLifecycleTest.awaitReady(other, "kept-elsewhere");

    KinstaCompany exporting = CompanyTest.company("company");
    exporting.getSpec().export = new KinstaCompanySpec.Export();
    exporting.getSpec().export.configMapName = "company-manifests";
    importing.create(exporting);

    int expected = EACH * KINDS.size() - 1;
    KinstaCompany exported =
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(
                () -> importing.get(KinstaCompany.class, "company"),
                c -> Objects.equals(expected, c.getStatus().export.manifests));
    ConfigMap manifests = importing.get(ConfigMap.class, "company-manifests");
    Map<String, String> data = manifests.getData();
    assertEquals(expected, data.size());
    assertEquals(
        exported.getMetadata().getUid(),
        manifests.getMetadata().getOwnerReferences().get(0).getUid());
    assertTrue(data.keySet().stream().noneMatch(key -> data.get(key).contains(managedElsewhere)));
    for (String yaml : data.values()) {
      assertTrue(yaml.contains("managementPolicy: \"Observe\""), yaml);
      assertTrue(yaml.contains("deletionPolicy: \"Retain\""), yaml);
      assertFalse(yaml.contains(importing.apiKey), "no secret value");
      assertFalse(yaml.toLowerCase(java.util.Locale.ROOT).contains("password"), yaml);
    }
    long writesBefore = importing.writes();

    for (String yaml : data.values()) {
      harness
          .client
          .resource(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
          .inNamespace(importing.namespace)
          .create();
    }

    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> KINDS.stream().mapToLong(importing::readyCount).sum(),
            ready -> ready == expected);
    for (Class<? extends CustomResource<?, ?>> kind : KINDS) {
      for (HasMetadata resource :
          harness.client.resources(kind).inNamespace(importing.namespace).list().getItems()) {
        KinstaObjectStatus status =
            (KinstaObjectStatus) ((CustomResource<?, ?>) resource).getStatus();
        assertEquals(
            0,
            status.driftCount,
            resource.getKind() + " " + resource.getMetadata().getName() + ": " + status.drift);
        assertEquals(
            ManagementPolicy.Observe,
            ((dev.operators.kinsta.api.v1alpha1.KinstaObjectSpec)
                    ((CustomResource<?, ?>) resource).getSpec())
                .managementPolicy);
      }
    }
    assertEquals(writesBefore, importing.writes(), "nothing written to Kinsta or Sevalla");

    // Every object is managed now: the next export has nothing left to write.
    importing.requestReconcile(KinstaCompany.class, "company", "after-import");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> importing.get(KinstaCompany.class, "company").getStatus().export.manifests,
            n -> n == 0);
  }

  @Test
  void anExportMissingAListTheKeyMayNotReadWritesNothing() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.seedSite(tenant.companyId(), "Client site");
    harness.kinsta.simulator.addFault(Fault.status("GET /static-sites", 403, -1));
    KinstaCompany exporting = CompanyTest.company("company");
    exporting.getSpec().export = new KinstaCompanySpec.Export();
    exporting.getSpec().export.configMapName = "company-manifests";
    tenant.create(exporting);

    KinstaCompany refused =
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(
                () -> tenant.get(KinstaCompany.class, "company"),
                c -> c.getStatus().export.problem != null);
    assertTrue(refused.getStatus().export.problem.contains("could not be read"));
    assertTrue(refused.getStatus().unavailable.contains("export (HTTP 403)"));
    assertEquals(
        null,
        harness
            .client
            .configMaps()
            .inNamespace(tenant.namespace)
            .withName("company-manifests")
            .get(),
        "no partial export");
  }
}
