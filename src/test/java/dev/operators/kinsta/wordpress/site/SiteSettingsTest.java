package dev.operators.kinsta.wordpress.site;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings.DomainSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.RedirectSpec;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import dev.operators.kinsta.api.v1alpha1.SshSettings;
import dev.operators.kinsta.api.v1alpha1.StagingEnvironment;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.SecretLookup;
import dev.operators.kinsta.reconcile.StatusConditions;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Environment settings and the staging environment: one operation per difference, none when nothing
 * differs.
 */
class SiteSettingsTest extends SharedHarnessTest {
  @Test
  void appliesEachDifferingSettingWithOneOperationAndNothingWhenAllMatch() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("blog"));
    String siteId = tenant.awaitSiteReady("blog").getStatus().siteId;

    tenant.edit(
        KinstaSite.class,
        "blog",
        site -> {
          EnvironmentSettings live = new EnvironmentSettings();
          live.phpVersion = EnvironmentSettings.PhpVersion.V8_3;
          live.edgeCaching = false;
          live.cdnImageOptimization = EnvironmentSettings.ImageOptimization.LOSSY;
          live.webrootSubfolder = "/public";
          live.domains =
              List.of(
                  new DomainSpec("blog.acme.example", true),
                  new DomainSpec("www.acme.example", null));
          live.deniedIps = List.of("203.0.113.7", "198.51.100.0/24");
          live.phpAllocation = new EnvironmentSettings.PhpAllocation(8, 512);
          site.getSpec().environments = new SiteEnvironments();
          site.getSpec().environments.live = live;
        });
    KinstaSite ready = awaitReadyAtGeneration(tenant, "blog", 2);

    SimulatorState.Environment env = liveEnvironment(siteId);
    assertEquals("8.3", env.phpVersion);
    assertEquals(false, env.edgeCaching);
    assertEquals("lossy", env.imageOptimization);
    assertEquals("/public", env.webRoot);
    assertEquals(List.of("203.0.113.7", "198.51.100.0/24"), env.deniedIps);
    assertEquals(8, env.threadCount);
    assertEquals(512, env.threadMemory);
    assertEquals("blog.acme.example", env.primaryDomain().orElseThrow().name);
    assertEquals(1, tenant.calls("PUT /sites/tools/modify-php-version"));
    assertEquals(1, tenant.calls("PUT /sites/edge-caching/status"));
    assertEquals(1, tenant.calls("PUT /sites/cdn/image-optimization"));
    assertEquals(1, tenant.calls("POST /sites/environments/{env_id}/change-webroot-subfolder"));
    assertEquals(2, tenant.calls("POST /sites/environments/{env_id}/domains"));
    assertEquals(1, tenant.calls("PUT /sites/environments/{env_id}/change-primary-domain"));
    assertEquals(1, tenant.calls("PUT /sites/tools/denied-ips"));
    assertEquals(1, tenant.calls("POST /sites/{site_id}/change-site-php-allocation"));
    assertEquals("8.3", ready.getStatus().environments.get(0).phpVersion);
    assertEquals("blog.acme.example", ready.getStatus().environments.get(0).primaryDomain);
    assertEquals(8, ready.getStatus().appliedPhpAllocation.threadCount);

    long writesBefore = tenant.writes();
    Condition readyBefore = SiteLifecycleTest.condition(ready, StatusConditions.READY);
    tenant.requestReconcile(KinstaSite.class, "blog", "check-1");
    KinstaSite checked = tenant.get(KinstaSite.class, "blog");
    assertEquals(writesBefore, tenant.writes(), "nothing differs, so nothing is written");
    assertEquals(
        readyBefore,
        SiteLifecycleTest.condition(checked, StatusConditions.READY),
        "Ready did not flap");
  }

  @Test
  void publishesTheDnsRecordsEachOwnDomainNeedsReadOncePerDomain() {
    Tenant tenant = harness.tenant();
    tenant.create(withLiveDomain("dns-records", "shop.acme.example"));
    tenant.awaitSiteReady("dns-records");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> records(tenant, "dns-records").size() == 3);
    assertEquals(
        List.of(
            "shop.acme.example verification CNAME _acme-challenge.shop.acme.example"
                + " shop.acme.example.kinstavalidation.app",
            "shop.acme.example pointing A shop.acme.example 192.0.2.10",
            "shop.acme.example pointing CNAME www shop.acme.example"),
        records(tenant, "dns-records"),
        "Kinsta's own *.kinsta.cloud domain needs none");

    tenant.edit(
        KinstaSite.class,
        "dns-records",
        s ->
            s.getSpec().environments.live.domains =
                List.of(
                    new DomainSpec("shop.acme.example", true),
                    new DomainSpec("blog.acme.example", false)));
    awaitReadyAtGeneration(tenant, "dns-records", 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> records(tenant, "dns-records").size() == 6);
    assertEquals(
        2,
        tenant.calls("GET /sites/environments/domains/{site_domain_id}/verification-records"),
        "one read per domain, however often the site is reconciled");
  }

  @Test
  void keepsTheListedSftpAccountsWithPasswordsOnlyInSecrets() {
    Tenant tenant = harness.tenant();
    tenant.secret("dev-sftp", Map.of("password", "first-Passw0rd-of-the-dev"));
    KinstaSite site = Sites.plain("sftp");
    site.getSpec().environments = new SiteEnvironments();
    site.getSpec().environments.live = new EnvironmentSettings();
    SftpAccountsSettings sftp = new SftpAccountsSettings();
    sftp.enabled = true;
    SftpAccountsSettings.Account contractor = new SftpAccountsSettings.Account();
    contractor.username = "contractor";
    contractor.rootDirectory = "/public/wp-content/themes";
    contractor.permission = SftpAccountsSettings.Permission.write;
    SftpAccountsSettings.Account dev = new SftpAccountsSettings.Account();
    dev.username = "dev";
    dev.passwordSecretRef = new SecretKeyReference("dev-sftp", "password");
    sftp.accounts = List.of(contractor, dev);
    site.getSpec().environments.live.sftpAccounts = sftp;
    tenant.create(site);
    String siteId = tenant.awaitSiteReady("sftp").getStatus().siteId;

    SimulatorState.Environment env = liveEnvironment(siteId);
    assertTrue(env.sftpAccountsEnabled);
    SimulatorState.SftpAccount made = account(siteId, "contractor").orElseThrow();
    assertEquals("/public/wp-content/themes", made.rootDirectory);
    assertEquals("write", made.permission);
    Secret generated = tenant.get(Secret.class, "sftp-live-sftp-contractor");
    assertEquals(made.password, SecretLookup.value(generated, "password").orElseThrow());
    assertEquals(
        Integer.toString(env.sftpAccountsPort), SecretLookup.value(generated, "port").get());
    assertEquals("KinstaSite", generated.getMetadata().getOwnerReferences().get(0).getKind());
    assertEquals("first-Passw0rd-of-the-dev", account(siteId, "dev").orElseThrow().password);
    KinstaSiteStatus.SftpAccountsStatus reported =
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(
                () ->
                    tenant
                        .get(KinstaSite.class, "sftp")
                        .getStatus()
                        .environments
                        .get(0)
                        .sftpAccounts,
                r -> r != null && r.accounts.size() == 2);
    assertEquals(Integer.toString(env.sftpAccountsPort), reported.port);
    assertEquals(
        List.of("sftp-live-sftp-contractor", "dev-sftp"),
        reported.accounts.stream().map(a -> a.passwordSecret).toList());
    String statusJson =
        io.fabric8.kubernetes.client.utils.Serialization.asJson(
            tenant.get(KinstaSite.class, "sftp").getStatus());
    assertFalse(statusJson.contains(made.password), "no password in status");
    assertFalse(statusJson.contains("first-Passw0rd-of-the-dev"), "no password in status");
    assertEquals(2, tenant.calls("POST /sites/environments/{env_id}/additional-sftp-accounts"));

    // A new password in the dev's Secret: Kinsta cannot change one, so the account is replaced.
    tenant.secret("dev-sftp", Map.of("password", "second-Passw0rd-of-the-dev"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                account(siteId, "dev")
                    .map(a -> a.password.equals("second-Passw0rd-of-the-dev"))
                    .orElse(false));

    // An account added in MyKinsta goes at the next look; one taken out of the spec goes too.
    harness.kinsta.simulator.mutate(
        state -> {
          state
              .environment(env.id)
              .orElseThrow()
              .sftpAccounts
              .add(new SimulatorState.SftpAccount("visitor", "visitor-Passw0rd-1234", "/", "read"));
        });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              tenant.requestReconcile(KinstaSite.class, "sftp", java.time.Instant.now().toString());
              return account(siteId, "visitor").isEmpty();
            });
    tenant.edit(
        KinstaSite.class,
        "sftp",
        s -> s.getSpec().environments.live.sftpAccounts.accounts = List.of(dev));
    await().atMost(Duration.ofSeconds(30)).until(() -> account(siteId, "contractor").isEmpty());
    assertTrue(account(siteId, "dev").isPresent());
    assertTrue(
        tenant.events().stream().anyMatch(e -> "DeleteSftpAccount".equals(e.getReason())),
        "removing an account is recorded as an event");
  }

  @Test
  void anSftpPasswordSecretThatIsMissingOrTooShortStallsNamingIt() {
    Tenant tenant = harness.tenant();
    KinstaSite site = Sites.plain("sftp-missing");
    site.getSpec().environments = new SiteEnvironments();
    site.getSpec().environments.live = new EnvironmentSettings();
    SftpAccountsSettings sftp = new SftpAccountsSettings();
    SftpAccountsSettings.Account ops = new SftpAccountsSettings.Account();
    ops.username = "ops";
    ops.passwordSecretRef = new SecretKeyReference("ops-sftp", "password");
    sftp.accounts = List.of(ops);
    site.getSpec().environments.live.sftpAccounts = sftp;
    tenant.create(site);

    KinstaSite stalled = tenant.awaitSiteStalled("sftp-missing", Reasons.SECRET_NOT_FOUND.code());
    assertTrue(message(stalled).contains("ops-sftp"), message(stalled));

    tenant.secret("ops-sftp", Map.of("password", "tiny-Pw9"));
    KinstaSite tooShort = tenant.awaitSiteStalled("sftp-missing", Reasons.INVALID_SPEC.code());
    assertTrue(message(tooShort).contains("16 characters"), message(tooShort));
    assertFalse(message(tooShort).contains("tiny-Pw9"), "the password stays in its Secret");
    assertEquals(0, tenant.calls("POST /sites/environments/{env_id}/additional-sftp-accounts"));

    tenant.secret("ops-sftp", Map.of("password", "a-long-enough-Passw0rd"));
    String siteId = tenant.awaitSiteReady("sftp-missing").getStatus().siteId;
    assertEquals("a-long-enough-Passw0rd", account(siteId, "ops").orElseThrow().password);
  }

  @Test
  void anSftpAccountKinstaRefusesStallsWithItsMessageAndServerErrorsAreRetried() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("sftp-refused"));
    String siteId = tenant.awaitSiteReady("sftp-refused").getStatus().siteId;
    String accounts = "POST /sites/environments/[^/]+/additional-sftp-accounts";
    harness.kinsta.simulator.addFault(Fault.status(accounts, 500, 2));
    harness.kinsta.simulator.addFault(
        Fault.failOperation(accounts, "The username ops is already in use", 1));

    SftpAccountsSettings sftp = new SftpAccountsSettings();
    SftpAccountsSettings.Account ops = new SftpAccountsSettings.Account();
    ops.username = "ops";
    sftp.accounts = List.of(ops);
    tenant.edit(
        KinstaSite.class,
        "sftp-refused",
        s -> {
          s.getSpec().environments = new SiteEnvironments();
          s.getSpec().environments.live = new EnvironmentSettings();
          s.getSpec().environments.live.sftpAccounts = sftp;
        });
    KinstaSite stalled = tenant.awaitSiteStalled("sftp-refused", Reasons.OPERATION_FAILED.code());
    assertTrue(message(stalled).contains("already in use"), message(stalled));
    assertTrue(account(siteId, "ops").isEmpty());

    // Kinsta's verdict stands until the spec changes; the next account name is made exactly once.
    ops.username = "ops-two";
    tenant.edit(
        KinstaSite.class, "sftp-refused", s -> s.getSpec().environments.live.sftpAccounts = sftp);
    awaitReadyAtGeneration(tenant, "sftp-refused", 3);
    assertTrue(account(siteId, "ops-two").isPresent());
    int accountsMade =
        harness.kinsta.simulator.read(
            state -> state.sites.get(siteId).environments.get(0).sftpAccounts.size());
    assertEquals(1, accountsMade);
  }

  private static String message(KinstaSite site) {
    return site.getStatus().conditions.stream()
        .filter(c -> "Stalled".equals(c.getType()) || "Ready".equals(c.getType()))
        .filter(c -> "True".equals(c.getStatus()))
        .map(Condition::getMessage)
        .findFirst()
        .orElse("");
  }

  private static java.util.Optional<SimulatorState.SftpAccount> account(
      String siteId, String username) {
    return harness.kinsta.simulator.read(
        state ->
            state.sites.get(siteId).environments.get(0).sftpAccounts.stream()
                .filter(a -> a.username.equals(username))
                .findFirst());
  }

  @Test
  void managesSftpSshAccessAndReportsHowToConnect() {
    Tenant tenant = harness.tenant();
    KinstaSite site = Sites.plain("ssh");
    site.getSpec().environments = new SiteEnvironments();
    site.getSpec().environments.live = new EnvironmentSettings();
    SshSettings ssh = new SshSettings();
    ssh.enabled = true;
    ssh.allowedIps = List.of("203.0.113.7", "198.51.100.0/24");
    ssh.passwordAuthentication = false;
    ssh.passwordExpiration = SshSettings.Expiration.DAYS_30;
    site.getSpec().environments.live.ssh = ssh;
    tenant.create(site);
    String siteId = tenant.awaitSiteReady("ssh").getStatus().siteId;

    SimulatorState.Environment env = liveEnvironment(siteId);
    assertEquals(List.of("203.0.113.7", "198.51.100.0/24"), env.sshAllowedIps);
    assertEquals(false, env.sshPasswordAuthentication);
    assertEquals("days_30", env.sshExpiration);
    KinstaSiteStatus.SshStatus reported =
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(
                () -> tenant.get(KinstaSite.class, "ssh").getStatus().environments.get(0).ssh,
                s -> s != null && s.host != null && s.allowedIps.size() == 2);
    assertEquals(Integer.toString(env.sshPort), reported.port);
    assertEquals(true, reported.enabled);
    assertNotNull(reported.user);

    // Turned off in MyKinsta: put back at the next reconcile; the settings Kinsta cannot report
    // are not sent again.
    harness.kinsta.simulator.mutate(
        state -> {
          state.environment(env.id).orElseThrow().sshEnabled = false;
        });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              tenant.requestReconcile(KinstaSite.class, "ssh", java.time.Instant.now().toString());
              return liveEnvironment(siteId).sshEnabled;
            });
    assertEquals(1, tenant.calls("POST /sites/environments/{env_id}/ssh/set-password-status"));
    assertEquals(
        1, tenant.calls("POST /sites/environments/{env_id}/ssh/change-expiration-interval"));
    assertEquals(1, tenant.calls("GET /sites/{site_id}/environments/{env_id}/ssh/config"));

    tenant.edit(KinstaSite.class, "ssh", s -> s.getSpec().environments.live.ssh.enabled = false);
    awaitReadyAtGeneration(tenant, "ssh", 2);
    assertEquals(false, liveEnvironment(siteId).sshEnabled);
  }

  @Test
  void keepsTheRedirectRulesTheSpecListsAndOnlyThose() {
    Tenant tenant = harness.tenant();
    KinstaSite site = Sites.plain("redirects");
    site.getSpec().environments = new SiteEnvironments();
    site.getSpec().environments.live = new EnvironmentSettings();
    RedirectSpec temporary = new RedirectSpec("/sale", "/summer-sale");
    temporary.type = RedirectSpec.Type.REDIRECT;
    site.getSpec().environments.live.redirects =
        List.of(new RedirectSpec("/old-shop", "/shop"), temporary);
    tenant.create(site);
    String siteId = tenant.awaitSiteReady("redirects").getStatus().siteId;
    assertEquals(
        List.of("/old-shop -> /shop permanent", "/sale -> /summer-sale redirect"),
        redirects(siteId));

    // A rule changed in the spec is the old one deleted and the new one added.
    tenant.edit(
        KinstaSite.class,
        "redirects",
        s -> s.getSpec().environments.live.redirects.get(1).to = "/winter-sale");
    awaitReadyAtGeneration(tenant, "redirects", 2);
    assertEquals(
        List.of("/old-shop -> /shop permanent", "/sale -> /winter-sale redirect"),
        redirects(siteId));

    // A rule added in MyKinsta goes at the next look at the rules.
    harness.kinsta.simulator.mutate(
        state -> {
          state
              .environment(liveEnvironment(siteId).id)
              .orElseThrow()
              .redirects
              .add(new SimulatorState.Redirect(null, "/mine", "/elsewhere", "permanent"));
        });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              tenant.requestReconcile(
                  KinstaSite.class, "redirects", java.time.Instant.now().toString());
              return redirects(siteId).size() == 2;
            });

    // An empty list, as kubectl applies it (the client's edit would drop the empty list).
    harness
        .client
        .resources(KinstaSite.class)
        .inNamespace(tenant.namespace)
        .withName("redirects")
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON),
            "[{\"op\":\"replace\",\"path\":\"/spec/environments/live/redirects\",\"value\":[]}]");
    awaitReadyAtGeneration(tenant, "redirects", 3);
    assertEquals(
        List.of(),
        tenant.get(KinstaSite.class, "redirects").getSpec().environments.live.redirects,
        "an empty list is kept: every rule is to go");
    assertEquals(List.of(), redirects(siteId));
  }

  private static List<String> redirects(String siteId) {
    return liveEnvironment(siteId).redirects.stream()
        .map(r -> r.from() + " -> " + r.to() + " " + r.type())
        .toList();
  }

  /** A plain site whose live environment has one domain, its primary. */
  private static KinstaSite withLiveDomain(String name, String domain) {
    KinstaSite site = Sites.plain(name);
    site.getSpec().environments = new SiteEnvironments();
    site.getSpec().environments.live = new EnvironmentSettings();
    site.getSpec().environments.live.domains = List.of(new DomainSpec(domain, true));
    return site;
  }

  private static List<String> records(Tenant tenant, String name) {
    return tenant.get(KinstaSite.class, name).getStatus().environments.get(0).domainRecords.stream()
        .map(r -> r.domain + " " + r.purpose + " " + r.type + " " + r.name + " " + r.value)
        .toList();
  }

  @Test
  void replacesDomainsAndMovesThePrimaryBeforeRemovingTheOldOne() {
    Tenant tenant = harness.tenant();
    tenant.create(withLiveDomain("domains", "old.acme.example"));
    String siteId = tenant.awaitSiteReady("domains").getStatus().siteId;

    tenant.edit(
        KinstaSite.class,
        "domains",
        s ->
            s.getSpec().environments.live.domains =
                List.of(new DomainSpec("new.acme.example", true)));
    awaitReadyAtGeneration(tenant, "domains", 2);

    SimulatorState.Environment env = liveEnvironment(siteId);
    List<String> names = env.domains.stream().map(d -> d.name).sorted().toList();
    assertEquals(2, names.size(), names.toString());
    assertTrue(names.contains("new.acme.example"));
    assertTrue(
        names.stream().anyMatch(n -> n.endsWith(".kinsta.cloud")), "Kinsta's own domain stays");
    assertEquals("new.acme.example", env.primaryDomain().orElseThrow().name);
    assertTrue(
        tenant.events().stream().anyMatch(e -> "DeleteDomains".equals(e.getReason())),
        "removing a domain is recorded as an event");
  }

  @Test
  void createsAndDeletesTheStagingEnvironmentFromTheSpec() {
    Tenant tenant = harness.tenant();
    KinstaSite site = Sites.plain("staged");
    site.getSpec().environments = new SiteEnvironments();
    StagingEnvironment staging = new StagingEnvironment();
    staging.phpVersion = EnvironmentSettings.PhpVersion.V8_4;
    site.getSpec().environments.staging = staging;
    tenant.create(site);

    KinstaSite ready = tenant.awaitSiteReady("staged");
    String siteId = ready.getStatus().siteId;
    assertNotNull(ready.getStatus().stagingEnvironmentId);
    assertEquals(2, ready.getStatus().environments.size());
    assertEquals(1, tenant.calls("POST /sites/{site_id}/environments/clone"));
    SimulatorState.Environment stagingEnv =
        harness.kinsta.simulator.read(
            s ->
                s.sites.get(siteId).environments.stream()
                    .filter(e -> e.displayName.equals("Staging"))
                    .findFirst()
                    .orElseThrow());
    assertEquals("8.4", stagingEnv.phpVersion);

    tenant.edit(KinstaSite.class, "staged", s -> s.getSpec().environments.staging = null);
    KinstaSite withoutStaging = awaitReadyAtGeneration(tenant, "staged", 2);

    assertNull(withoutStaging.getStatus().stagingEnvironmentId);
    assertEquals(1, withoutStaging.getStatus().environments.size());
    assertEquals(
        1,
        (int) harness.kinsta.simulator.<Integer>read(s -> s.sites.get(siteId).environments.size()));
    assertEquals(1, tenant.calls("DELETE /sites/environments/{env_id}"));
  }

  @Test
  void aFailedSettingChangeStallsUntilTheSpecChanges() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("php"));
    tenant.awaitSiteReady("php");
    harness.kinsta.simulator.addFault(
        Fault.failOperation(
            "PUT /sites/tools/modify-php-version", "PHP 8.0 is not available on this plan", 1));

    tenant.edit(
        KinstaSite.class,
        "php",
        s -> {
          s.getSpec().environments = new SiteEnvironments();
          s.getSpec().environments.live = new EnvironmentSettings();
          s.getSpec().environments.live.phpVersion = EnvironmentSettings.PhpVersion.V8_0;
        });
    KinstaSite stalled = tenant.awaitSiteStalled("php", Reasons.OPERATION_FAILED.code());
    assertTrue(
        SiteLifecycleTest.message(stalled, StatusConditions.STALLED)
            .contains("not available on this plan"));

    tenant.edit(
        KinstaSite.class,
        "php",
        s -> s.getSpec().environments.live.phpVersion = EnvironmentSettings.PhpVersion.V8_1);
    awaitReadyAtGeneration(tenant, "php", 3);
    assertEquals(2, tenant.calls("PUT /sites/tools/modify-php-version"));
  }

  @Test
  void reportsChangedCreateOnlyFieldsWithoutRecreating() {
    Tenant tenant = harness.tenant();
    tenant.secret("shop-admin", Map.of("password", "s3cret-Passw0rd"));
    tenant.create(Sites.wordpress("createonly"));
    tenant.awaitSiteReady("createonly");

    tenant.edit(KinstaSite.class, "createonly", s -> s.getSpec().wordpress.language = "de_DE");
    KinstaSite ready = awaitReadyAtGeneration(tenant, "createonly", 2);

    assertTrue(
        SiteLifecycleTest.message(ready, StatusConditions.READY)
            .contains("spec.wordpress.language"));
    assertEquals(1, tenant.calls("POST /sites"));
    assertEquals(0, tenant.calls("DELETE /sites/{site_id}"));
  }

  @Test
  void echoesTheReconcileRequestInStatus() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("echo"));
    tenant.awaitSiteReady("echo");

    tenant.requestReconcile(KinstaSite.class, "echo", "2026-11-22T10:00:00Z");

    assertEquals(
        "2026-11-22T10:00:00Z",
        tenant.get(KinstaSite.class, "echo").getStatus().lastHandledReconcileAt);
  }

  static KinstaSite awaitReadyAtGeneration(Tenant tenant, String name, long generation) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> tenant.get(KinstaSite.class, name),
            s ->
                s.getMetadata().getGeneration() == generation
                    && s.getStatus().observedGeneration == generation
                    && StatusConditions.isTrue(s.getStatus(), StatusConditions.READY));
  }

  static SimulatorState.Environment liveEnvironment(String siteId) {
    return harness.kinsta.simulator.read(
        s -> s.sites.get(siteId).environment("live").orElseThrow());
  }
}
