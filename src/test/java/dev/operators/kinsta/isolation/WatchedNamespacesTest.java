package dev.operators.kinsta.isolation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec.RecordType;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.wordpress.dnsrecord.DnsRecordTest;
import dev.operators.kinsta.wordpress.site.Sites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every watched namespace is reconciled, whether the operator watches all of them or a list of one,
 * two or five: sites, databases and DNS records made while it was down are created, drift made in
 * MyKinsta while it was down is put back after a restart, and deletions made while it was down
 * finish. The namespaces share one company, and a namespace left off the list is never touched. On
 * the real API server, whose per-namespace lists are what once pruned each other's objects from a
 * shared informer store.
 */
class WatchedNamespacesTest {
  private static final Duration CONVERGED = Duration.ofSeconds(90);
  private static final String DOMAIN = "agency.example.com";

  @ParameterizedTest(name = "watching {0} listed namespaces (0: every namespace)")
  @ValueSource(ints = {0, 1, 2, 5})
  void everyWatchedNamespaceIsReconciledAcrossRestarts(int listed) {
    try (OperatorHarness harness = OperatorHarness.unstarted()) {
      List<Tenant> tenants = new ArrayList<>();
      tenants.add(harness.tenant());
      // Watching every namespace, two of them are used; a list is always one namespace short of
      // the company's, so that each company has two namespaces or more.
      for (int i = 1; i < (listed == 0 ? 2 : listed); i++) {
        tenants.add(harness.sameCompanyAs(tenants.get(0)));
      }
      Tenant unwatched = listed == 0 ? null : harness.sameCompanyAs(tenants.get(0));
      if (listed > 0) {
        harness.watch(tenants.stream().map(t -> t.namespace).collect(Collectors.toSet()));
      }
      String zoneId = harness.kinsta.simulator.seedDnsZone(tenants.get(0).companyId(), DOMAIN);
      for (int i = 0; i < tenants.size(); i++) {
        tenants.get(i).create(Sites.plainOnPhp83("shop-" + i));
        tenants.get(i).create(DatabaseLifecycleTest.postgres("orders-" + i));
        tenants
            .get(i)
            .create(
                DnsRecordTest.record(
                    "office-" + i, DOMAIN, RecordType.A, "office-" + i, "203.0.113." + (10 + i)));
      }
      if (unwatched != null) {
        unwatched.create(Sites.plainOnPhp83("elsewhere"));
      }

      harness.startOperator();
      List<String> siteIds = new ArrayList<>();
      for (int i = 0; i < tenants.size(); i++) {
        siteIds.add(awaitReady(tenants.get(i), KinstaSite.class, "shop-" + i).getStatus().siteId);
        awaitReady(tenants.get(i), KinstaDatabase.class, "orders-" + i);
        awaitReady(tenants.get(i), KinstaDnsRecord.class, "office-" + i);
      }

      harness.stopOperator();
      harness.kinsta.simulator.mutate(
          state -> {
            siteIds.forEach(
                id -> state.sites.get(id).environment("live").orElseThrow().phpVersion = "8.1");
            state.dnsZones.get(zoneId).records.forEach(record -> record.ttl = 60);
          });
      harness.startOperator();
      await()
          .atMost(CONVERGED)
          .untilAsserted(
              () ->
                  assertEquals(Set.of("8.3"), livePhpVersions(harness, siteIds), "drift put back"));

      harness.stopOperator();
      for (int i = 0; i < tenants.size(); i++) {
        tenants.get(i).delete(KinstaSite.class, "shop-" + i);
        tenants.get(i).delete(KinstaDatabase.class, "orders-" + i);
        tenants.get(i).delete(KinstaDnsRecord.class, "office-" + i);
      }
      harness.startOperator();
      for (int i = 0; i < tenants.size(); i++) {
        tenants.get(i).awaitGone(KinstaSite.class, "shop-" + i, CONVERGED);
        tenants.get(i).awaitGone(KinstaDatabase.class, "orders-" + i, CONVERGED);
        tenants.get(i).awaitGone(KinstaDnsRecord.class, "office-" + i, CONVERGED);
      }
      assertEquals(Set.of(), recordTtls(harness, zoneId, tenants.size()), "records deleted");
      await()
          .atMost(CONVERGED)
          .untilAsserted(
              () ->
                  assertEquals(
                      0,
                      harness.kinsta.simulator.<Long>read(
                          state -> (long) (state.sites.size() + state.databases.size())),
                      "every site and database deleted in Kinsta"));
      if (unwatched != null) {
        assertNull(
            unwatched.get(KinstaSite.class, "elsewhere").getStatus(),
            "a namespace off the list is never reconciled");
      }
    }
  }

  private static <T extends io.fabric8.kubernetes.client.CustomResource<?, ?>> T awaitReady(
      Tenant tenant, Class<T> type, String name) {
    return tenant.awaitCondition(type, name, "Ready", "True", null, CONVERGED);
  }

  /** The TTLs of the tenants' A records in the zone (the zone's own records left out). */
  private static Set<Integer> recordTtls(OperatorHarness harness, String zoneId, int tenants) {
    return harness.kinsta.simulator.read(
        state ->
            java.util.stream.IntStream.range(0, tenants)
                .mapToObj(i -> state.dnsZones.get(zoneId).record("A", "office-" + i + "." + DOMAIN))
                .flatMap(java.util.Optional::stream)
                .map(record -> record.ttl)
                .collect(Collectors.toSet()));
  }

  private static Set<String> livePhpVersions(OperatorHarness harness, List<String> siteIds) {
    return harness.kinsta.simulator.read(
        state ->
            siteIds.stream()
                .map(id -> state.sites.get(id).environment("live").orElseThrow().phpVersion)
                .collect(Collectors.toSet()));
  }
}
