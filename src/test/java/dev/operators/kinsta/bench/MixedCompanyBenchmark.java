package dev.operators.kinsta.bench;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaCompany;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec.RecordType;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSiteSpec;
import dev.operators.kinsta.company.CompanyTest;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.hosting.staticsite.StaticSiteTest;
import dev.operators.kinsta.operator.ConsoleLogging;
import dev.operators.kinsta.simulator.KinstaSimulator;
import dev.operators.kinsta.simulator.SimulatorSettings;
import dev.operators.kinsta.testing.CallLedger;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.wordpress.dnsrecord.DnsRecordTest;
import dev.operators.kinsta.wordpress.site.Sites;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;
import java.time.Instant;

/**
 * What a mixed company costs once everything is Ready and nothing changes: 1000 sites, 100
 * databases, 100 applications with two processes each, 50 static sites, 200 DNS records in four
 * zones, a KinstaCompany and 50 scheduled site actions, spread over two namespaces of the company.
 * Prints {@code bench steady_calls_per_min_per_company_mixed <calls/min>} (target: at most 3,
 * whatever the counts) and the calls of the measured window by endpoint. Time runs {@value
 * ScaleBenchmark#K} times faster, as in {@link ScaleBenchmark}; usage reports (a lane of their own,
 * hourly) are not part of the figure.
 *
 * <p>Run: {@code mvn -q test-compile exec:java
 * -Dkinsta.main=dev.operators.kinsta.bench.MixedCompanyBenchmark}.
 */
public final class MixedCompanyBenchmark {
  private static final int K = ScaleBenchmark.K;
  private static final int SITES = 1000;
  private static final int DATABASES = 100;
  private static final int APPLICATIONS = 100;
  private static final int STATIC_SITES = 50;
  private static final int ZONES = 4;
  private static final int RECORDS_PER_ZONE = 50;
  private static final int ACTIONS = 50;

  private MixedCompanyBenchmark() {}

  public static void main(String[] args) throws Exception {
    ConsoleLogging.install("WARN");
    SimulatorSettings kinsta = ScaleBenchmark.compressedKinsta(Duration.ofSeconds(60));
    try (OperatorHarness harness =
        OperatorHarness.start(
            SimulatorFixture.start(kinsta, ScaleBenchmark.budget(), Duration.ofSeconds(5), false),
            ScaleBenchmark.settings())) {
      Tenant first = harness.tenant();
      Tenant second = harness.sameCompanyAs(first);
      Instant started = Instant.now();
      populate(harness, first, second);
      print("mixed_ready_s", Duration.between(started, Instant.now()).toMillis() * K / 1000.0, "s");

      // Settle: the first resyncs after Ready read what changed while the rest converged.
      Thread.sleep(Duration.ofMinutes(10).dividedBy(K).toMillis());
      int before = harness.kinsta.simulator.journal().entries().size();
      Duration window = Duration.ofMinutes(30).dividedBy(K);
      Thread.sleep(window.toMillis());
      var calls =
          harness
              .kinsta
              .simulator
              .journal()
              .entries()
              .subList(before, harness.kinsta.simulator.journal().entries().size())
              .stream()
              .filter(e -> first.companyId().equals(e.company()))
              .toList();
      print("steady_calls_per_min_per_company_mixed", calls.size() / 30.0, "calls/min");
      CallLedger.count(calls)
          .forEach((endpoint, count) -> System.out.printf("  %-60s %d%n", endpoint, count));
    }
    System.exit(0);
  }

  private static void populate(OperatorHarness harness, Tenant first, Tenant second)
      throws InterruptedException {
    KinstaSimulator simulator = harness.kinsta.simulator;
    String company = first.companyId();
    for (int i = 0; i < SITES; i++) {
      tenant(i, first, second)
          .create(Sites.adopted("site-" + i, simulator.seedSite(company, "mixed-site-" + i)));
    }
    for (int i = 0; i < DATABASES; i++) {
      KinstaDatabase db = new KinstaDatabase();
      db.setMetadata(new ObjectMetaBuilder().withName("db-" + i).build());
      KinstaDatabaseSpec spec = new KinstaDatabaseSpec();
      spec.credentialsRef = new CredentialsReference("kinsta");
      spec.adopt = new KinstaDatabaseSpec.DatabaseAdoption();
      spec.adopt.id = simulator.seedDatabase(company, "mixed-db-" + i, "postgresql");
      db.setSpec(spec);
      tenant(i, first, second).create(db);
    }
    for (int i = 0; i < APPLICATIONS; i++) {
      tenant(i, first, second)
          .create(
              ApplicationLifecycleTest.adoptingId(
                  "app-" + i, simulator.seedApplication(company, "mixed-app-" + i)));
    }
    for (int i = 0; i < STATIC_SITES; i++) {
      KinstaStaticSite site = StaticSiteTest.adoptingName("static-" + i, "unused");
      site.getSpec().adopt = new KinstaStaticSiteSpec.Adoption();
      site.getSpec().adopt.id = simulator.seedStaticSite(company, "mixed-static-" + i);
      tenant(i, first, second).create(site);
    }
    for (int z = 0; z < ZONES; z++) {
      String domain = "zone-" + z + ".example.com";
      simulator.seedDnsZone(company, domain);
      for (int r = 0; r < RECORDS_PER_ZONE; r++) {
        tenant(r, first, second)
            .create(
                DnsRecordTest.record(
                    "z" + z + "-host-" + r,
                    domain,
                    RecordType.A,
                    "host-" + r,
                    "203.0.113." + (r + 1)));
      }
    }
    first.create(CompanyTest.company("acme"));
    for (int i = 0; i < ACTIONS; i++) {
      KinstaSiteAction action = new KinstaSiteAction();
      action.setMetadata(new ObjectMetaBuilder().withName("nightly-" + i).build());
      KinstaSiteActionSpec spec = new KinstaSiteActionSpec();
      spec.credentialsRef = new CredentialsReference("kinsta");
      spec.site = new KinstaSiteActionSpec.SiteReference();
      spec.site.name = "site-" + i;
      spec.clearCache = new KinstaSiteActionSpec.Empty();
      spec.schedule = new KinstaSiteActionSpec.Schedule();
      spec.schedule.cron = "0 3 * * *";
      action.setSpec(spec);
      tenant(i, first, second).create(action);
    }
    awaitReady(first, second, KinstaSite.class, SITES);
    awaitReady(first, second, KinstaDatabase.class, DATABASES);
    awaitReady(first, second, KinstaApplication.class, APPLICATIONS);
    awaitReady(first, second, KinstaStaticSite.class, STATIC_SITES);
    awaitReady(first, second, KinstaDnsRecord.class, ZONES * RECORDS_PER_ZONE);
    awaitReady(first, second, KinstaCompany.class, 1);
  }

  /** Every other object in the second namespace: tenants of one company share it. */
  private static Tenant tenant(int i, Tenant first, Tenant second) {
    return i % 2 == 0 ? first : second;
  }

  private static <T extends CustomResource<?, ?>> void awaitReady(
      Tenant first, Tenant second, Class<T> kind, int count) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
    while (first.readyCount(kind) + second.readyCount(kind) < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "timed out waiting for " + count + " " + kind.getSimpleName() + " Ready");
      }
      Thread.sleep(1000);
    }
  }

  private static void print(String name, double value, String unit) {
    System.out.printf("bench %s %.2f %s%n", name, value, unit);
  }
}
