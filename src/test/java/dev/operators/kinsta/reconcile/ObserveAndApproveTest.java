package dev.operators.kinsta.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.ApplicationEnvVar;
import dev.operators.kinsta.api.v1alpha1.Approval;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.DriftEntry;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaCompany;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecord;
import dev.operators.kinsta.api.v1alpha1.KinstaDnsRecordSpec.RecordType;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnection;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaStaticSite;
import dev.operators.kinsta.api.v1alpha1.ManagementPolicy;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import dev.operators.kinsta.company.CompanyTest;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.hosting.database.DatabaseLifecycleTest;
import dev.operators.kinsta.hosting.internalconnection.InternalConnectionTest;
import dev.operators.kinsta.hosting.pipeline.PipelineLifecycleTest;
import dev.operators.kinsta.hosting.staticsite.StaticSiteTest;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import dev.operators.kinsta.wordpress.dnsrecord.DnsRecordTest;
import dev.operators.kinsta.wordpress.site.Sites;
import dev.operators.kinsta.wordpress.siteaction.SiteActionTest;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code managementPolicy: Observe} (a plan in {@code status.drift}, zero writes, deletion
 * included), drift put back under Manage ({@code DriftCorrected}), and {@code approval:
 * Destructive} (held until the approve annotation names the generation), on the real API server,
 * with two namespaces of one company.
 */
class ObserveAndApproveTest extends SharedHarnessTest {

  private static List<String> fields(List<DriftEntry> drift) {
    return drift == null ? List.of() : drift.stream().map(entry -> entry.field).toList();
  }

  private static KinstaSite observedSite(String name, String siteId) {
    KinstaSite site = Sites.adopted(name, siteId);
    site.getSpec().managementPolicy = ManagementPolicy.Observe;
    site.getSpec().deletionPolicy = DeletionPolicy.Delete;
    EnvironmentSettings live = new EnvironmentSettings();
    live.phpVersion = EnvironmentSettings.PhpVersion.V8_3;
    live.edgeCaching = false;
    site.getSpec().environments = new SiteEnvironments();
    site.getSpec().environments.live = live;
    return site;
  }

  private static SimulatorState.Environment live(String siteId) {
    return harness.kinsta.simulator.read(
        state ->
            state.sites.get(siteId).environments.stream()
                .filter(env -> "live".equals(env.name))
                .findFirst()
                .orElseThrow());
  }

  @Test
  void anObservedSiteListsThePlanWritesNothingAndIsLeftWhenDeleted() {
    Tenant first = harness.tenant();
    Tenant second = harness.sameCompanyAs(first);
    String siteId = harness.kinsta.simulator.seedSite(first.companyId(), "Agency client");
    first.create(observedSite("client", siteId));

    KinstaSite ready = first.awaitSiteReady("client");

    assertEquals(
        List.of("spec.environments.live.phpVersion", "spec.environments.live.edgeCaching"),
        fields(ready.getStatus().drift),
        "every difference, in the order Manage would change them");
    DriftEntry php = ready.getStatus().drift.get(0);
    assertEquals("8.3", php.spec);
    assertEquals("8.2", php.kinsta);
    assertEquals(2, ready.getStatus().driftCount);
    assertTrue(
        OperatorHarness.Tenant.conditions(ready).stream()
            .anyMatch(c -> c.getMessage().contains("2 fields differ")),
        "Ready says the object differs");
    assertEquals(0, first.writes(), "nothing written under Observe");
    assertEquals("8.2", live(siteId).phpVersion);
    assertTrue(
        first
            .get(io.fabric8.kubernetes.api.model.Secret.class, "kinsta")
            .getMetadata()
            .getFinalizers()
            .stream()
            .noneMatch(CredentialsProtection.FINALIZER::equals),
        "an observed object is never deleted, so its credentials need no protection");

    // The other namespace of the same company cannot manage the same site while it is observed
    // here: the older resource holds it.
    second.create(Sites.adopted("client", siteId));
    second.awaitSiteStalled("client", Reasons.ALREADY_MANAGED.code());
    second.delete(KinstaSite.class, "client");
    second.awaitGone(KinstaSite.class, "client", Duration.ofSeconds(20));

    first.delete(KinstaSite.class, "client");
    first.awaitGone(KinstaSite.class, "client", Duration.ofSeconds(20));
    assertNotNull(
        harness.kinsta.simulator.read(state -> state.sites.get(siteId)),
        "deleting an observed resource leaves the site, whatever its deletionPolicy");
    assertEquals(0, first.writes(), "zero writes over the whole lifecycle");
  }

  @Test
  void switchingToManageCarriesThePlanOut() {
    Tenant tenant = harness.tenant();
    String siteId = harness.kinsta.simulator.seedSite(tenant.companyId(), "Imported");
    tenant.create(observedSite("imported", siteId));
    assertEquals(2, tenant.awaitSiteReady("imported").getStatus().driftCount);

    tenant.edit(
        KinstaSite.class,
        "imported",
        site -> site.getSpec().managementPolicy = ManagementPolicy.Manage);

    KinstaSite managed =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> tenant.awaitSiteReady("imported"),
                site -> Integer.valueOf(0).equals(site.getStatus().driftCount));
    assertNull(managed.getStatus().drift);
    assertEquals("8.3", live(siteId).phpVersion);
    assertEquals(false, live(siteId).edgeCaching);
    assertEquals(1, tenant.calls("PUT /sites/tools/modify-php-version"));
    assertEquals(1, tenant.calls("PUT /sites/edge-caching/status"));
    assertTrue(
        tenant.events().stream().noneMatch(e -> "DriftCorrected".equals(e.getReason())),
        "carrying out a changed spec is not a drift correction");
  }

  @Test
  void aFieldChangedInKinstaIsPutBackWithAnEventNamingBothValues() {
    Tenant tenant = harness.tenant();
    String siteId = harness.kinsta.simulator.seedSite(tenant.companyId(), "Managed");
    KinstaSite site = observedSite("managed", siteId);
    site.getSpec().managementPolicy = null;
    tenant.create(site);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tenant.awaitSiteReady("managed").getStatus().driftCount, n -> n == 0);

    // A KinstaCompany in the namespace shows the activity log, which says who did it.
    tenant.create(CompanyTest.company("acme"));
    CompanyTest.awaitReady(tenant, "acme");
    harness.kinsta.simulator.recordMyKinstaActivity(
        tenant.companyId(), siteId, "changePhp", "Change PHP version to 8.1");
    String user =
        harness.kinsta.simulator.read(
            state -> state.companies.get(tenant.companyId()).users.get(0).fullName());
    tenant.requestReconcile(KinstaCompany.class, "acme", "look-1");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> tenant.get(KinstaCompany.class, "acme").getStatus().recentActivity,
            activity ->
                activity != null
                    && activity.stream()
                        .anyMatch(a -> siteId.equals(a.siteId) && user.equals(a.by)));
    // The change itself, which the company's site list shows at its next look.
    harness.kinsta.simulator.mutate(
        state -> {
          state.sites.get(siteId).environments.stream()
              .filter(env -> "live".equals(env.name))
              .forEach(env -> env.phpVersion = "8.1");
        });
    tenant.requestReconcile(KinstaSite.class, "managed", "look-1");

    Event corrected =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    tenant.events().stream()
                        .filter(e -> "DriftCorrected".equals(e.getReason()))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertTrue(
        corrected.getMessage().contains("spec.environments.live.phpVersion")
            && corrected.getMessage().contains("8.1")
            && corrected.getMessage().contains("8.3")
            && corrected.getMessage().contains("changed in Kinsta by " + user),
        corrected.getMessage()
            + " / "
            + Serialization.asJson(
                tenant.get(KinstaCompany.class, "acme").getStatus().recentActivity));
    await().atMost(Duration.ofSeconds(30)).until(() -> "8.3".equals(live(siteId).phpVersion));
  }

  @Test
  void anObservedDatabaseWithoutAnObjectWaitsAndCreatesNothing() {
    Tenant tenant = harness.tenant();
    KinstaDatabase db = DatabaseLifecycleTest.postgres("planned");
    db.getSpec().managementPolicy = ManagementPolicy.Observe;
    tenant.create(db);

    KinstaDatabase stalled =
        tenant.awaitCondition(
            KinstaDatabase.class,
            "planned",
            "Stalled",
            "True",
            Reasons.NOTHING_TO_OBSERVE.code(),
            Duration.ofSeconds(20));
    assertEquals(List.of("(object)"), fields(stalled.getStatus().drift));
    assertEquals(0, tenant.writes());

    tenant.delete(KinstaDatabase.class, "planned");
    tenant.awaitGone(KinstaDatabase.class, "planned", Duration.ofSeconds(20));
    assertEquals(0, tenant.writes());
  }

  @Test
  void anObservedDatabaseReportsSizeAndNameAndKeepsThemUntilManaged() {
    Tenant tenant = harness.tenant();
    String id =
        harness.kinsta.simulator.seedDatabase(tenant.companyId(), "Legacy orders", "postgresql");
    KinstaDatabase db = DatabaseLifecycleTest.postgres("orders");
    db.getSpec().adopt = new KinstaDatabaseSpec.DatabaseAdoption();
    db.getSpec().adopt.id = id;
    db.getSpec().displayName = "Orders";
    db.getSpec().size = "db2";
    db.getSpec().managementPolicy = ManagementPolicy.Observe;
    tenant.create(db);

    KinstaDatabase observed = DatabaseLifecycleTest.awaitReady(tenant, "orders");
    assertEquals(List.of("spec.displayName", "spec.size"), fields(observed.getStatus().drift));
    assertEquals(0, tenant.writes());

    tenant.edit(
        KinstaDatabase.class,
        "orders",
        d -> d.getSpec().managementPolicy = ManagementPolicy.Manage);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> harness.kinsta.simulator.read(state -> state.databases.get(id)),
            remote -> "Orders".equals(remote.displayName) && "db2".equals(remote.resourceType));
  }

  @Test
  void anObservedDnsRecordReportsItsTtl() {
    Tenant tenant = harness.tenant();
    String domain = "observed-" + tenant.companyId().substring(0, 8) + ".example";
    harness.kinsta.simulator.seedDnsZone(tenant.companyId(), domain);
    KinstaDnsRecord record = DnsRecordTest.record("apex", domain, RecordType.A, "@", "34.120.0.10");
    record.getSpec().ttl = 300;
    record.getSpec().adopt = true;
    record.getSpec().managementPolicy = ManagementPolicy.Observe;
    tenant.create(record);

    KinstaDnsRecord observed =
        tenant.awaitCondition(
            KinstaDnsRecord.class, "apex", "Ready", "True", null, Duration.ofSeconds(20));
    assertEquals(List.of("spec.ttl"), fields(observed.getStatus().drift));
    assertEquals("300", observed.getStatus().drift.get(0).spec);
    assertEquals("3600", observed.getStatus().drift.get(0).kinsta);
    assertEquals(0, tenant.writes());
  }

  @Test
  void aDeletionWaitsForApprovalOfItsOwnGeneration() {
    Tenant tenant = harness.tenant();
    KinstaDatabase db = DatabaseLifecycleTest.postgres("precious");
    db.getSpec().approval = Approval.Destructive;
    tenant.create(db);
    String id = DatabaseLifecycleTest.awaitReady(tenant, "precious").getStatus().databaseId;
    long generationBefore =
        tenant.get(KinstaDatabase.class, "precious").getMetadata().getGeneration();
    // An approval given before the deletion names an older generation: it does not carry over.
    tenant.annotate(
        KinstaDatabase.class,
        "precious",
        ApiGroup.APPROVE_ANNOTATION,
        Long.toString(generationBefore));

    tenant.delete(KinstaDatabase.class, "precious");

    KinstaDatabase held =
        tenant.awaitCondition(
            KinstaDatabase.class,
            "precious",
            "Ready",
            "False",
            Reasons.AWAITING_APPROVAL.code(),
            Duration.ofSeconds(20));
    long generation = held.getMetadata().getGeneration();
    assertTrue(generation > generationBefore, "marking for deletion raised the generation");
    assertEquals(generation, held.getStatus().pendingApproval.generation);
    assertTrue(held.getStatus().pendingApproval.change.contains(id));
    assertEquals(0, tenant.calls("DELETE /databases/{id}"));

    tenant.annotate(
        KinstaDatabase.class, "precious", ApiGroup.APPROVE_ANNOTATION, Long.toString(generation));

    tenant.awaitGone(KinstaDatabase.class, "precious", Duration.ofSeconds(30));
    assertEquals(1, tenant.calls("DELETE /databases/{id}"));
  }

  @Test
  void anObservedApplicationReportsSettingsProcessesAndVariablesWithoutValues() {
    Tenant tenant = harness.tenant();
    String id = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Worker");
    KinstaApplication app = ApplicationLifecycleTest.adoptingId("worker", id);
    KinstaApplicationSpec spec = app.getSpec();
    spec.managementPolicy = ManagementPolicy.Observe;
    spec.displayName = "Background worker";
    spec.build = new KinstaApplicationSpec.BuildSettings();
    spec.build.path = "services/worker";
    ApplicationEnvVar secretish = new ApplicationEnvVar();
    secretish.name = "API_TOKEN";
    secretish.value = "tok-3f9a1c";
    spec.env = List.of(secretish);
    KinstaApplicationSpec.ProcessSpec web = new KinstaApplicationSpec.ProcessSpec();
    web.key = "web";
    web.instances = 3;
    spec.processes = List.of(web);
    tenant.create(app);

    KinstaApplication observed = ApplicationLifecycleTest.awaitReady(tenant, "worker");

    List<String> fields = fields(observed.getStatus().drift);
    assertTrue(
        fields.containsAll(
            List.of(
                "spec.processes[web]",
                "spec.displayName",
                "spec.build.path",
                "spec.env[API_TOKEN]")),
        fields.toString());
    assertTrue(fields.stream().noneMatch(f -> f.startsWith("(")), "every write reported first");
    assertTrue(
        !Serialization.asJson(observed.getStatus()).contains("tok-3f9a1c"),
        "a variable's value never reaches status");
    assertEquals(0, tenant.writes());

    tenant.edit(
        KinstaApplication.class,
        "worker",
        a -> a.getSpec().managementPolicy = ManagementPolicy.Manage);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> harness.kinsta.simulator.read(state -> state.applications.get(id).displayName),
            "Background worker"::equals);
  }

  @Test
  void anObservedPipelineListsItsStagesAndPreviews() {
    Tenant tenant = harness.tenant();
    String id = harness.kinsta.simulator.seedPipeline(tenant.companyId(), "Handmade");
    tenant.create(
        PipelineLifecycleTest.pipeline(
            "handmade",
            spec -> {
              spec.adopt = new KinstaPipelineSpec.Adoption();
              spec.adopt.id = id;
              spec.managementPolicy = ManagementPolicy.Observe;
              spec.stages = List.of(PipelineLifecycleTest.stage("Staging", null));
              spec.previews = PipelineLifecycleTest.previews(true);
            }));

    KinstaPipeline observed = PipelineLifecycleTest.awaitReady(tenant, "handmade");

    assertEquals(
        List.of("spec.stages", "spec.stages", "spec.previews.enabled"),
        fields(observed.getStatus().drift),
        String.valueOf(observed.getStatus().drift));
    assertEquals("Dev", observed.getStatus().drift.get(0).kinsta);
    assertEquals("Staging", observed.getStatus().drift.get(1).spec);
    assertEquals(0, tenant.writes());
  }

  @Test
  void anObservedInternalConnectionThatIsNotThereIsNotMade() {
    Tenant tenant = harness.tenant();
    String db = harness.kinsta.simulator.seedDatabase(tenant.companyId(), "Main", "postgresql");
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Web");
    KinstaInternalConnection link = InternalConnectionTest.link("main-to-web", null, null);
    link.getSpec().database.id = db;
    link.getSpec().target.id = appId;
    link.getSpec().target.type = KinstaInternalConnectionSpec.TargetType.application;
    link.getSpec().managementPolicy = ManagementPolicy.Observe;
    tenant.create(link);

    KinstaInternalConnection waiting =
        tenant.awaitCondition(
            KinstaInternalConnection.class,
            "main-to-web",
            "Stalled",
            "True",
            Reasons.NOTHING_TO_OBSERVE.code(),
            Duration.ofSeconds(20));
    assertEquals(List.of("(object)"), fields(waiting.getStatus().drift));
    assertEquals(0, tenant.writes());
  }

  @Test
  void anObservedStaticSiteReportsItsSettings() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.seedStaticSite(tenant.companyId(), "handbook");
    KinstaStaticSite site = StaticSiteTest.adoptingName("handbook", "handbook");
    site.getSpec().managementPolicy = ManagementPolicy.Observe;
    site.getSpec().buildCommand = "npm run build:docs";
    site.getSpec().prettyUrls = true;
    tenant.create(site);

    KinstaStaticSite observed = StaticSiteTest.awaitReady(tenant, "handbook");
    List<String> fields = fields(observed.getStatus().drift);
    assertTrue(fields.contains("spec.buildCommand"), fields.toString());
    assertTrue(fields.stream().noneMatch(f -> f.startsWith("(")), fields.toString());
    assertEquals(0, tenant.writes());
  }

  @Test
  void aPushOntoLiveWaitsForApprovalOfItsGeneration() {
    Tenant tenant = harness.tenant();
    SiteActionTest.shopWithStaging(tenant);
    tenant.create(
        SiteActionTest.action(
            "release",
            "shop",
            s -> {
              s.approval = Approval.Destructive;
              s.environment = "staging";
              s.push = new KinstaSiteActionSpec.Push();
              s.push.target = "live";
              s.push.confirm = "live";
            }));

    KinstaSiteAction held =
        tenant.awaitCondition(
            KinstaSiteAction.class,
            "release",
            "Ready",
            "False",
            Reasons.AWAITING_APPROVAL.code(),
            Duration.ofSeconds(30));
    assertEquals(1L, held.getStatus().pendingApproval.generation);
    assertTrue(held.getStatus().pendingApproval.change.contains("push onto live"));
    assertEquals(0, tenant.calls("PUT /sites/{site_id}/environments"));

    tenant.annotate(KinstaSiteAction.class, "release", ApiGroup.APPROVE_ANNOTATION, "1");

    KinstaSiteAction done = SiteActionTest.awaitReady(tenant, "release");
    assertNull(done.getStatus().pendingApproval);
    assertEquals(1, tenant.calls("PUT /sites/{site_id}/environments"), "pushed once");
    assertTrue(tenant.events().stream().anyMatch(e -> "Approved".equals(e.getReason())));
  }

  @Test
  void removingADomainWaitsForApprovalWhileWhatComesBeforeItGoesOn() {
    Tenant tenant = harness.tenant();
    KinstaSite site = Sites.plain("domains");
    site.getSpec().approval = Approval.Destructive;
    EnvironmentSettings live = new EnvironmentSettings();
    live.domains =
        List.of(
            new EnvironmentSettings.DomainSpec("a.acme.example", true),
            new EnvironmentSettings.DomainSpec("b.acme.example", null));
    site.getSpec().environments = new SiteEnvironments();
    site.getSpec().environments.live = live;
    tenant.create(site);
    String siteId = tenant.awaitSiteReady("domains").getStatus().siteId;

    tenant.edit(
        KinstaSite.class,
        "domains",
        s -> {
          s.getSpec().environments.live.phpVersion = EnvironmentSettings.PhpVersion.V8_3;
          s.getSpec().environments.live.domains =
              List.of(new EnvironmentSettings.DomainSpec("a.acme.example", true));
        });

    KinstaSite held =
        tenant.awaitCondition(
            KinstaSite.class,
            "domains",
            "Ready",
            "False",
            Reasons.AWAITING_APPROVAL.code(),
            Duration.ofSeconds(30));
    assertTrue(held.getStatus().pendingApproval.change.contains("b.acme.example"));
    assertEquals("8.3", live(siteId).phpVersion, "the PHP change before it went ahead");
    assertEquals(0, tenant.calls("DELETE /sites/environments/{env_id}/domains"));

    tenant.annotate(
        KinstaSite.class,
        "domains",
        ApiGroup.APPROVE_ANNOTATION,
        held.getMetadata().getGeneration().toString());

    KinstaSite done =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> tenant.awaitSiteReady("domains"), s -> s.getStatus().pendingApproval == null);
    assertEquals(1, tenant.calls("DELETE /sites/environments/{env_id}/domains"));
    assertEquals(List.of("a.acme.example"), domainsOf(siteId));
    assertNull(done.getStatus().pendingApproval);
  }

  private static List<String> domainsOf(String siteId) {
    return harness.kinsta.simulator.read(
        state ->
            state.sites.get(siteId).environments.stream()
                .filter(env -> "live".equals(env.name))
                .flatMap(env -> env.domains.stream())
                .map(domain -> domain.name)
                .filter(name -> !name.endsWith(".kinsta.cloud"))
                .toList());
  }
}
