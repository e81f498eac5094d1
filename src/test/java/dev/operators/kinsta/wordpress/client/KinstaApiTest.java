package dev.operators.kinsta.wordpress.client;

import static dev.operators.kinsta.testing.SimulatorFixture.awaitOperation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.testing.SimulatorFixture;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.wordpress.client.dto.AddDomainRequest;
import dev.operators.kinsta.wordpress.client.dto.ApiKeyInfo;
import dev.operators.kinsta.wordpress.client.dto.Backup;
import dev.operators.kinsta.wordpress.client.dto.CloneSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.CreateEnvironmentRequest;
import dev.operators.kinsta.wordpress.client.dto.CreatePlainSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.CreateSiteRequest;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.OperationStatus;
import dev.operators.kinsta.wordpress.client.dto.PushEnvironmentRequest;
import dev.operators.kinsta.wordpress.client.dto.Site;
import dev.operators.kinsta.wordpress.client.dto.SiteDomain;
import dev.operators.kinsta.wordpress.client.dto.WordPressComponent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every WordPress, company and operation method of the client, against the simulator over HTTP. */
class KinstaApiTest {
  static SimulatorFixture fixture;
  KinstaCredentials credentials;
  KinstaApi api;

  @BeforeAll
  static void startSimulator() {
    fixture = SimulatorFixture.start();
  }

  @AfterAll
  static void stopSimulator() {
    try {
      fixture.assertContractKept();
    } finally {
      fixture.close();
    }
  }

  @BeforeEach
  void newCompany() {
    credentials = fixture.company("Acme " + System.nanoTime());
    api = fixture.kinsta(credentials);
  }

  @Test
  void validatesTheKeyAndReadsCompanyRegionsAndUsers() {
    ApiKeyInfo info = api.company().validate();
    assertEquals(credentials.companyId(), info.company());
    assertEquals("active", info.status());
    assertTrue(info.expiry().isPresent());
    assertTrue(
        api.company().regions().stream().anyMatch(region -> region.region().equals("us-central1")));
    assertEquals(1, api.company().companyUsers().size());
    assertNotNull(api.company().companyUsers().get(0).email());
  }

  @Test
  void validateAnswersTheCompanyOfAKeyWithoutKnowingItFirst() {
    ApiKeyInfo info = fixture.clients.validate(credentials.apiKey(), null);
    assertEquals(credentials.companyId(), info.company());
  }

  @Test
  void createsAWordPressSiteThroughAnOperationThatIsUnknownAtFirst() {
    fixture.simulator.updateSettings(
        s -> s.withTiming(Duration.ofMillis(400), Duration.ofMillis(200)));
    try {
      OperationRef created =
          api.sites()
              .createSite(
                  new CreateSiteRequest(
                      credentials.companyId(),
                      "Shop",
                      "us-central1",
                      "new",
                      "ops@acme.example",
                      "Pa55word-for-test",
                      "admin",
                      "Shop",
                      "en_US",
                      false,
                      false,
                      true,
                      true));
      assertTrue(created.operationId().startsWith("sites:add-"));
      assertEquals(
          OperationStatus.State.NOT_FOUND,
          api.operations().getOperation(created.operationId()).state());
      OperationStatus done = awaitOperation(api, created);
      assertEquals(OperationStatus.State.SUCCEEDED, done.state());
      String siteId = done.dataText("idSite").orElseThrow();

      Site site = api.sites().getSite(siteId);
      assertEquals("Shop", site.displayName());
      assertEquals("live", site.environmentsOrEmpty().get(0).name());
      List<Site> listed = api.sites().listSites(true);
      assertEquals(1, listed.size());
      Environment live = listed.get(0).environmentsOrEmpty().get(0);
      assertEquals("8.2", live.phpVersion());
      assertTrue(live.edgeCachingEnabled());
      assertNotNull(live.primaryDomain());
      assertTrue(
          api.wordPress().listPlugins(live.id()).stream()
              .anyMatch(p -> p.name().equals("woocommerce")));
      assertNull(api.sites().listSites(false).get(0).environments());
    } finally {
      fixture.simulator.updateSettings(
          s -> s.withTiming(Duration.ofMillis(100), Duration.ofMillis(200)));
    }
  }

  @Test
  void createsPlainAndClonedSitesAndDeletesThem() {
    String plainId =
        awaitOperation(
                api,
                api.sites()
                    .createPlainSite(
                        new CreatePlainSiteRequest(
                            credentials.companyId(), "Plain", "europe-west3")))
            .dataText("idSite")
            .orElseThrow();
    Environment plainLive = api.environments().listEnvironments(plainId).get(0);
    assertNull(plainLive.wordpressVersion());

    String cloneId =
        awaitOperation(
                api,
                api.sites()
                    .cloneSite(
                        new CloneSiteRequest(credentials.companyId(), "Clone", plainLive.id())))
            .dataText("idSite")
            .orElseThrow();
    assertEquals("Clone", api.sites().getSite(cloneId).displayName());

    assertEquals(
        OperationStatus.State.SUCCEEDED,
        awaitOperation(api, api.sites().deleteSite(cloneId)).state());
    assertThrows(KinstaApiException.NotFound.class, () -> api.sites().getSite(cloneId));
  }

  @Test
  void managesStagingEnvironments() {
    String siteId = fixture.simulator.seedSite(credentials.companyId(), "Blog");
    String liveId = api.environments().listEnvironments(siteId).get(0).id();

    awaitOperation(
        api,
        api.environments()
            .createEnvironment(
                siteId,
                new CreateEnvironmentRequest(
                    "Staging",
                    "Blog",
                    false,
                    "ops@acme.example",
                    "Pa55word-for-test",
                    "admin",
                    "en_US",
                    false,
                    false,
                    false,
                    false,
                    false)));
    awaitOperation(api, api.environments().createPlainEnvironment(siteId, "Empty", false));
    awaitOperation(api, api.environments().cloneEnvironment(siteId, "Premium", true, liveId));
    List<Environment> environments = api.environments().listEnvironments(siteId);
    assertEquals(4, environments.size());
    Environment staging =
        environments.stream()
            .filter(e -> e.displayName().equals("Staging"))
            .findFirst()
            .orElseThrow();
    Environment premium =
        environments.stream()
            .filter(e -> e.displayName().equals("Premium"))
            .findFirst()
            .orElseThrow();
    assertTrue(premium.isPremium());

    assertEquals(
        OperationStatus.State.SUCCEEDED,
        awaitOperation(
                api,
                api.environments()
                    .pushEnvironment(
                        siteId,
                        new PushEnvironmentRequest(
                            staging.id(),
                            liveId,
                            true,
                            true,
                            true,
                            "SPECIFIC_FILES",
                            List.of("wp-content/plugins"))))
            .state());
    awaitOperation(api, api.environments().changeEnvironmentPhpAllocation(premium.id(), 2, 512));
    awaitOperation(api, api.sites().changeSitePhpAllocation(siteId, 6, 384));
    awaitOperation(api, api.environments().deleteEnvironment(staging.id()));
    assertEquals(3, api.environments().listEnvironments(siteId).size());
  }

  @Test
  void changesEnvironmentSettings() {
    String siteId = fixture.simulator.seedSite(credentials.companyId(), "Settings");
    Environment live = api.environments().listEnvironments(siteId).get(0);

    awaitOperation(api, api.environments().modifyPhpVersion(live.id(), "8.3"));
    awaitOperation(api, api.environments().setEdgeCaching(live.id(), false));
    awaitOperation(api, api.environments().setImageOptimization(live.id(), "lossless"));
    awaitOperation(api, api.environments().changeWebrootSubfolder(live.id(), "/public"));
    api.access().updateDeniedIps(live.id(), List.of("203.0.113.7", "198.51.100.0/24"));

    Environment changed = api.environments().listEnvironments(siteId).get(0);
    assertEquals("8.3", changed.phpVersion());
    assertFalse(changed.edgeCachingEnabled());
    assertEquals("lossless", changed.imageOptimizationType());
    assertEquals("/public", changed.webRoot());
    assertEquals(List.of("203.0.113.7", "198.51.100.0/24"), api.access().getDeniedIps(live.id()));
  }

  @Test
  void runsCacheAndPhpTools() {
    String siteId = fixture.simulator.seedSite(credentials.companyId(), "Tools");
    Environment live = api.environments().listEnvironments(siteId).get(0);
    assertEquals(
        OperationStatus.State.SUCCEEDED,
        awaitOperation(api, api.environments().clearCache(live.id())).state());
    assertEquals(
        OperationStatus.State.SUCCEEDED,
        awaitOperation(api, api.environments().restartPhp(live.id())).state());
    assertEquals(
        OperationStatus.State.SUCCEEDED,
        awaitOperation(
                api, api.environments().clearEdgeCache(live.id(), true, "https://example.com/blog"))
            .state());
    assertEquals(
        OperationStatus.State.SUCCEEDED,
        awaitOperation(api, api.environments().clearEdgeCache(live.id(), false, null)).state());
    assertEquals(
        OperationStatus.State.SUCCEEDED,
        awaitOperation(api, api.environments().clearCdnCache(live.id(), live.cdnCacheId()))
            .state());
  }

  @Test
  void managesDomains() {
    String siteId = fixture.simulator.seedSite(credentials.companyId(), "Domains");
    Environment live = api.environments().listEnvironments(siteId).get(0);
    awaitOperation(
        api, api.environments().addDomain(live.id(), AddDomainRequest.of("shop.acme.example")));
    awaitOperation(
        api, api.environments().addDomain(live.id(), AddDomainRequest.of("www.acme.example")));
    List<SiteDomain> domains = api.environments().listDomains(live.id());
    assertEquals(3, domains.size());
    String shop =
        domains.stream()
            .filter(d -> d.name().equals("shop.acme.example"))
            .findFirst()
            .orElseThrow()
            .id();
    String www =
        domains.stream()
            .filter(d -> d.name().equals("www.acme.example"))
            .findFirst()
            .orElseThrow()
            .id();

    awaitOperation(api, api.environments().changePrimaryDomain(live.id(), shop, true));
    assertEquals(
        "shop.acme.example",
        api.environments().listEnvironments(siteId).get(0).primaryDomain().name());
    awaitOperation(api, api.environments().deleteDomains(live.id(), List.of(www)));
    assertEquals(2, api.environments().listDomains(live.id()).size());
  }

  @Test
  void managesBackups() {
    String siteId = fixture.simulator.seedSite(credentials.companyId(), "Backups");
    String liveId = api.environments().listEnvironments(siteId).get(0).id();
    OperationStatus made =
        awaitOperation(api, api.backups().createManualBackup(liveId, "before-release"));
    assertEquals(OperationStatus.State.SUCCEEDED, made.state());
    List<Backup> backups = api.backups().listBackups(liveId);
    assertEquals(1, backups.size());
    assertEquals("before-release", backups.get(0).note());

    String user = api.company().companyUsers().get(0).id();
    assertEquals(
        OperationStatus.State.SUCCEEDED,
        awaitOperation(api, api.backups().restoreBackup(liveId, backups.get(0).id(), user))
            .state());
    awaitOperation(api, api.backups().deleteBackup(backups.get(0).id()));
    assertEquals(List.of(), api.backups().listBackups(liveId));
  }

  @Test
  void listsAndUpdatesPluginsAndThemes() {
    String siteId =
        awaitOperation(
                api,
                api.sites()
                    .createSite(
                        new CreateSiteRequest(
                            credentials.companyId(),
                            "Plugins",
                            "us-central1",
                            "new",
                            "ops@acme.example",
                            "Pa55word-for-test",
                            "admin",
                            "Plugins",
                            "en_US",
                            false,
                            false,
                            false,
                            true)))
            .dataText("idSite")
            .orElseThrow();
    String liveId = api.environments().listEnvironments(siteId).get(0).id();
    WordPressComponent yoast =
        api.wordPress().listPlugins(liveId).stream()
            .filter(p -> p.name().equals("wordpress-seo"))
            .findFirst()
            .orElseThrow();
    assertEquals("23.6", yoast.updateVersion());
    awaitOperation(api, api.wordPress().updatePlugin(liveId, "wordpress-seo", "23.6"));
    assertEquals(
        "23.6",
        api.wordPress().listPlugins(liveId).stream()
            .filter(p -> p.name().equals("wordpress-seo"))
            .findFirst()
            .orElseThrow()
            .version());
    awaitOperation(api, api.wordPress().bulkUpdatePlugins(liveId, List.of("akismet")));
    assertTrue(
        api.wordPress().listPlugins(liveId).stream().allMatch(p -> p.updateVersion() == null));

    WordPressComponent theme = api.wordPress().listThemes(liveId).get(0);
    awaitOperation(api, api.wordPress().updateTheme(liveId, theme.name(), "1.3"));
    awaitOperation(api, api.wordPress().bulkUpdateThemes(liveId, List.of(theme.name())));
    assertEquals("1.3", api.wordPress().listThemes(liveId).get(0).version());
  }

  @Test
  void runsWpCliAndReadsItsOutputFromTheOperation() {
    String siteId = fixture.simulator.seedSite(credentials.companyId(), "Cli");
    String liveId = api.environments().listEnvironments(siteId).get(0).id();
    OperationStatus done =
        awaitOperation(api, api.wordPress().runWpCliCommand(liveId, "wp cache flush"));
    assertTrue(done.dataText("result").orElseThrow().contains("wp cache flush"));
    assertTrue(api.wordPress().getLogs(liveId, "error", 10).contains("error line 1"));
  }

  @Test
  void aFailedOperationIsReportedWithKinstasMessageInBothForms() {
    String siteId = fixture.simulator.seedSite(credentials.companyId(), "Failing");
    String liveId = api.environments().listEnvironments(siteId).get(0).id();
    for (boolean answer200 : List.of(false, true)) {
      fixture.simulator.updateSettings(s -> s.withFailedOperationsAnswer200(answer200));
      fixture.simulator.addFault(
          dev.operators.kinsta.simulator.Fault.failOperation(
              "POST /sites/tools/clear-cache", "Cache service unavailable", 1));
      OperationStatus failed = awaitOperation(api, api.environments().clearCache(liveId));
      assertEquals(
          OperationStatus.State.FAILED,
          failed.state(),
          "failed operation answered with HTTP " + (answer200 ? 200 : 500));
      assertEquals("Cache service unavailable", failed.message());
    }
    fixture.simulator.updateSettings(s -> s.withFailedOperationsAnswer200(false));
  }

  @Test
  void aSiteOfAnotherCompanyIsNotFound() {
    String otherSite = fixture.simulator.seedSite(fixture.company("Other").companyId(), "Theirs");
    assertThrows(KinstaApiException.NotFound.class, () -> api.sites().getSite(otherSite));
    assertTrue(api.sites().listSites(false).isEmpty());
  }
}
