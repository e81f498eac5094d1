package dev.operators.kinsta.isolation;

import static org.awaitility.Awaitility.await;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationAction;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaCompany;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec.RecordType;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnection;
import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.company.CompanyTest;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.hosting.applicationaction.ApplicationActionTest;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.hosting.internalconnection.InternalConnectionTest;
import dev.operators.kinsta.hosting.pipeline.PipelineLifecycleTest;
import dev.operators.kinsta.hosting.staticsite.StaticSiteTest;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.testing.CallLedger;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.wordpress.dnsrecord.DnsRecordTest;
import dev.operators.kinsta.wordpress.site.Sites;
import dev.operators.kinsta.wordpress.siteaction.SiteActionTest;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What each kind's lifecycle costs the company, checked against its committed ledger ({@link
 * CallLedger}): create, change one field, observe for three inventory intervals, delete. The
 * company shares its key with a second namespace that holds nothing, as tenants do.
 */
class CallLedgerTest {
  private static final Duration INVENTORY = Duration.ofSeconds(2);
  private static final Duration WITHIN = Duration.ofSeconds(30);

  @Test
  void siteLifecycle() {
    lifecycle(
        "site-lifecycle",
        "A plain KinstaSite on PHP 8.3: created, PHP changed to 8.4, observed for three\n"
            + "inventory intervals, deleted (deletionPolicy Delete).",
        tenant -> Sites.plainOnPhp83("shop"),
        KinstaSite.class,
        "shop",
        site -> site.getSpec().environments.live.phpVersion = EnvironmentSettings.PhpVersion.V8_4);
  }

  @Test
  void databaseLifecycle() {
    lifecycle(
        "database-lifecycle",
        "A PostgreSQL KinstaDatabase: created, resized from db1 to db2, observed for three\n"
            + "inventory intervals, deleted (deletionPolicy Delete).",
        tenant -> DatabaseLifecycleTest.postgres("orders"),
        KinstaDatabase.class,
        "orders",
        db -> db.getSpec().size = "db2");
  }

  @Test
  void dnsRecordLifecycle() {
    lifecycle(
        "dns-record-lifecycle",
        "A KinstaDnsRecord (A record) in a zone of the company: created, TTL changed, observed for\n"
            + "three inventory intervals, deleted (deletionPolicy Delete).",
        tenant -> {
          tenant.harness.kinsta.simulator.seedDnsZone(tenant.companyId(), "shop.example.com");
          return DnsRecordTest.record(
              "office", "shop.example.com", RecordType.A, "office", "203.0.113.10");
        },
        KinstaDnsRecord.class,
        "office",
        record -> record.getSpec().ttl = 600);
  }

  @Test
  void companyLifecycle() {
    lifecycle(
        "company-lifecycle",
        "A KinstaCompany: created, showUserEmails turned on, observed for three inventory\n"
            + "intervals, deleted.",
        tenant -> CompanyTest.company("acme"),
        KinstaCompany.class,
        "acme",
        company -> company.getSpec().showUserEmails = true);
  }

  @Test
  void applicationLifecycle() {
    lifecycle(
        "application-lifecycle",
        "A KinstaApplication adopting an application by id: adopted, CDN turned on, observed for\n"
            + "three inventory intervals, deleted (adopted: Retain).",
        tenant ->
            ApplicationLifecycleTest.adoptingId(
                "storefront",
                tenant.harness.kinsta.simulator.seedApplication(tenant.companyId(), "Storefront")),
        KinstaApplication.class,
        "storefront",
        app -> app.getSpec().cdn = true);
  }

  private static dev.operators.kinsta.api.v1alpha1.ApplicationEnvVar variable(
      String name, String value) {
    dev.operators.kinsta.api.v1alpha1.ApplicationEnvVar variable =
        new dev.operators.kinsta.api.v1alpha1.ApplicationEnvVar();
    variable.name = name;
    variable.value = value;
    return variable;
  }

  private static KinstaApplication adopted(Tenant tenant, String name) {
    return ApplicationLifecycleTest.adoptingId(
        name, tenant.harness.kinsta.simulator.seedApplication(tenant.companyId(), name));
  }

  @Test
  void applicationVariablesLifecycle() {
    lifecycle(
        "application-variables-lifecycle",
        "A KinstaApplication adopting an application with two variables (set, then deployed), a\n"
            + "third added (set, deployed), observed for three inventory intervals, deleted (Retain).",
        tenant -> {
          KinstaApplication app = adopted(tenant, "vars");
          app.getSpec().env =
              java.util.List.of(variable("NODE_ENV", "production"), variable("LOG_LEVEL", "info"));
          return app;
        },
        KinstaApplication.class,
        "vars",
        app ->
            app.getSpec().env =
                java.util.List.of(
                    app.getSpec().env.get(0), app.getSpec().env.get(1), variable("REGION", "eu")));
  }

  @Test
  void applicationProcessesLifecycle() {
    lifecycle(
        "application-processes-lifecycle",
        "A KinstaApplication adopting an application, its web process listed with two instances,\n"
            + "then a worker of size s2 added, observed for three inventory intervals, deleted.",
        tenant -> {
          KinstaApplication app = adopted(tenant, "procs");
          KinstaApplicationSpec.ProcessSpec web = new KinstaApplicationSpec.ProcessSpec();
          web.key = "web";
          web.instances = 2;
          app.getSpec().processes = java.util.List.of(web);
          app.getSpec().redeployOnChange = false;
          return app;
        },
        KinstaApplication.class,
        "procs",
        app -> {
          KinstaApplicationSpec.ProcessSpec worker = new KinstaApplicationSpec.ProcessSpec();
          worker.key = "worker";
          worker.size = "s2";
          worker.entrypoint = "npm run worker";
          app.getSpec().processes = java.util.List.of(app.getSpec().processes.get(0), worker);
        });
  }

  @Test
  void applicationDomainsAndAccessLifecycle() {
    lifecycle(
        "application-domains-access-lifecycle",
        "A KinstaApplication adopting an application with a custom domain (made primary) and an\n"
            + "IP allow list, then suspended with a private port and a TCP proxy, observed for\n"
            + "three inventory intervals, deleted.",
        tenant -> {
          KinstaApplication app = adopted(tenant, "front");
          dev.operators.kinsta.api.v1alpha1.ServiceDomain domain =
              new dev.operators.kinsta.api.v1alpha1.ServiceDomain();
          domain.name = "front.example.com";
          app.getSpec().domains = java.util.List.of(domain);
          app.getSpec().primaryDomain = "front.example.com";
          app.getSpec().ipRestriction = new dev.operators.kinsta.api.v1alpha1.IpRestriction();
          app.getSpec().ipRestriction.type =
              dev.operators.kinsta.api.v1alpha1.IpRestriction.Mode.ALLOW;
          app.getSpec().ipRestriction.ips = java.util.List.of("203.0.113.0/24");
          return app;
        },
        KinstaApplication.class,
        "front",
        app -> {
          app.getSpec().suspended = true;
          KinstaApplicationSpec.ProcessPort port = new KinstaApplicationSpec.ProcessPort();
          port.process = "web";
          port.port = 8080;
          app.getSpec().privatePorts = java.util.List.of(port);
          app.getSpec().tcpProxies = java.util.List.of(port);
        });
  }

  @Test
  void databaseAccessLifecycle() {
    lifecycle(
        "database-access-lifecycle",
        "A PostgreSQL KinstaDatabase created without an external connection, then given an IP\n"
            + "allow list and suspended, observed for three inventory intervals, deleted.",
        tenant -> {
          KinstaDatabase db = DatabaseLifecycleTest.postgres("ledger");
          db.getSpec().externalConnection = false;
          return db;
        },
        KinstaDatabase.class,
        "ledger",
        db -> {
          db.getSpec().ipRestriction = new dev.operators.kinsta.api.v1alpha1.IpRestriction();
          db.getSpec().ipRestriction.type =
              dev.operators.kinsta.api.v1alpha1.IpRestriction.Mode.ALLOW;
          db.getSpec().ipRestriction.ips = java.util.List.of("203.0.113.10");
          db.getSpec().suspended = true;
        });
  }

  @Test
  void createdApplicationLifecycle() {
    lifecycle(
        "created-application-lifecycle",
        "A KinstaApplication created from a public Git repository: created, deployed, CDN turned\n"
            + "on, observed for three inventory intervals, deleted (created: Delete).",
        tenant ->
            dev.operators.kinsta.hosting.application.ApplicationCreationTest.fromGit(
                "storefront", "https://github.com/acme/storefront"),
        KinstaApplication.class,
        "storefront",
        app -> app.getSpec().cdn = true);
  }

  @Test
  void createdStaticSiteLifecycle() {
    lifecycle(
        "created-static-site-lifecycle",
        "A KinstaStaticSite created from Git: created (Sevalla deploys it), its build command\n"
            + "changed, observed for three inventory intervals, deleted (created: Delete).",
        tenant -> dev.operators.kinsta.hosting.staticsite.StaticSiteCreationTest.fromGit("docs"),
        KinstaStaticSite.class,
        "docs",
        site -> site.getSpec().buildCommand = "npm run docs");
  }

  @Test
  void staticSiteLifecycle() {
    lifecycle(
        "static-site-lifecycle",
        "A KinstaStaticSite adopting a static site by name: adopted, Node version set, observed\n"
            + "for three inventory intervals, deleted (adopted: Retain).",
        tenant -> {
          String id = tenant.harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "docs");
          String name =
              tenant.harness.kinsta.simulator.read(state -> state.staticSites.get(id).name);
          return StaticSiteTest.adoptingName("docs", name);
        },
        KinstaStaticSite.class,
        "docs",
        site -> site.getSpec().nodeVersion = "20");
  }

  @Test
  void pipelineLifecycle() {
    lifecycle(
        "pipeline-lifecycle",
        "A KinstaPipeline created (trunk) with a Staging stage holding an adopted application and\n"
            + "previews on; then a QA stage added before Staging and the previews' stale days\n"
            + "changed, observed for three inventory intervals, deleted (created: Delete). The\n"
            + "application's own adoption and observation are counted too.",
        tenant -> {
          String id =
              tenant.harness.kinsta.simulator.seedApplication(
                  tenant.companyId(), "Storefront staging");
          tenant.create(ApplicationLifecycleTest.adoptingId("staging", id));
          ApplicationLifecycleTest.awaitReady(tenant, "staging");
          return PipelineLifecycleTest.pipeline(
              "release",
              spec -> {
                spec.type = KinstaPipelineSpec.Type.TRUNK;
                spec.stages =
                    java.util.List.of(PipelineLifecycleTest.stage("Staging", null, "staging"));
                spec.previews = PipelineLifecycleTest.previews(true);
              });
        },
        KinstaPipeline.class,
        "release",
        pipeline -> {
          pipeline.getSpec().stages =
              java.util.List.of(
                  PipelineLifecycleTest.stage("QA", "qa"),
                  PipelineLifecycleTest.stage("Staging", null, "staging"));
          pipeline.getSpec().previews.staleAppDays = 3;
        });
  }

  @Test
  void internalConnectionLifecycle() {
    lifecycle(
        "internal-connection-lifecycle",
        "A KinstaInternalConnection from a created database to an adopted application (both made\n"
            + "first and counted here): connected, observed for three inventory intervals, deleted\n"
            + "(the connection removed). Both ends are immutable, so there is no field to change.",
        tenant -> {
          tenant.create(DatabaseLifecycleTest.postgres("orders"));
          DatabaseLifecycleTest.awaitReady(tenant, "orders");
          tenant.create(
              ApplicationLifecycleTest.adoptingId(
                  "store",
                  tenant.harness.kinsta.simulator.seedApplication(tenant.companyId(), "Store")));
          ApplicationLifecycleTest.awaitReady(tenant, "store");
          return InternalConnectionTest.link("store-to-orders", "store", "orders");
        },
        KinstaInternalConnection.class,
        "store-to-orders",
        null);
  }

  @Test
  void siteActionLifecycle() {
    lifecycle(
        "site-action-lifecycle",
        "A one-shot KinstaSiteAction on a plain site (made first and counted here): the cache\n"
            + "cleared, then the CDN cache instead, observed for three inventory intervals, deleted.",
        tenant -> {
          tenant.create(Sites.plain("blog"));
          tenant.awaitSiteReady("blog");
          return SiteActionTest.action(
              "clear", "blog", spec -> spec.clearCache = new KinstaSiteActionSpec.Empty());
        },
        KinstaSiteAction.class,
        "clear",
        action -> {
          action.getSpec().clearCache = null;
          action.getSpec().clearCdnCache = new KinstaSiteActionSpec.Empty();
        });
  }

  @Test
  void applicationActionLifecycle() {
    String[] applicationId = new String[1];
    lifecycle(
        "application-action-lifecycle",
        "A one-shot KinstaApplicationAction clearing an adopted application's cache (made first\n"
            + "and counted here), then the application named by id, observed for three inventory\n"
            + "intervals, deleted.",
        tenant -> {
          applicationId[0] =
              tenant.harness.kinsta.simulator.seedApplication(tenant.companyId(), "Store");
          tenant.create(ApplicationLifecycleTest.adoptingId("store", applicationId[0]));
          ApplicationLifecycleTest.awaitReady(tenant, "store");
          return ApplicationActionTest.action(
              "purge",
              spec -> {
                spec.application = ApplicationActionTest.named("store");
                spec.clearCache = new KinstaSiteActionSpec.Empty();
              });
        },
        KinstaApplicationAction.class,
        "purge",
        action -> action.getSpec().application = ApplicationActionTest.byId(applicationId[0]));
  }

  private interface Resource<T> {
    T make(Tenant tenant);
  }

  private static <T extends CustomResource<?, ?>> void lifecycle(
      String scenario,
      String description,
      Resource<T> resource,
      Class<T> kind,
      String name,
      @org.jspecify.annotations.Nullable Consumer<T> change) {
    try (OperatorHarness harness =
        OperatorHarness.start(
            dev.operators.kinsta.testing.SimulatorFixture.start(),
            OperatorHarness.fastSettings().withInventoryInterval(INVENTORY))) {
      Tenant tenant = harness.tenant();
      harness.sameCompanyAs(tenant);
      tenant.create(resource.make(tenant));
      tenant.awaitCondition(kind, name, "Ready", "True", null, WITHIN);

      if (change != null) {
        tenant.edit(kind, name, change);
        tenant.awaitCondition(kind, name, "Ready", "True", null, WITHIN);
      }

      await()
          .during(INVENTORY.multipliedBy(3))
          .atMost(INVENTORY.multipliedBy(4))
          .until(() -> StatusConditions.isReadyAndCurrent(tenant.get(kind, name)));

      tenant.delete(kind, name);
      tenant.awaitGone(kind, name, WITHIN);

      CallLedger.check(
          scenario,
          description,
          harness.kinsta.simulator.journal().matching(e -> tenant.companyId().equals(e.company())));
    }
  }
}
