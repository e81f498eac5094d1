package dev.operators.kinsta.wordpress.siteaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionStatus.Run;
import dev.operators.kinsta.api.v1alpha1.RunOutcome;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import dev.operators.kinsta.api.v1alpha1.StagingEnvironment;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import dev.operators.kinsta.wordpress.site.Sites;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * One-shot actions of every kind, their failures, confirmation, and missing sites or environments.
 */
public class SiteActionTest extends SharedHarnessTest {

  public static KinstaSiteAction action(
      String name, String site, Consumer<KinstaSiteActionSpec> what) {
    KinstaSiteAction action = new KinstaSiteAction();
    action.setMetadata(new ObjectMetaBuilder().withName(name).build());
    KinstaSiteActionSpec spec = new KinstaSiteActionSpec();
    spec.credentialsRef = new CredentialsReference("kinsta");
    spec.site = new KinstaSiteActionSpec.SiteReference();
    spec.site.name = site;
    what.accept(spec);
    action.setSpec(spec);
    return action;
  }

  public static KinstaSiteAction awaitReady(Tenant tenant, String name) {
    return tenant.awaitCondition(
        KinstaSiteAction.class, name, "Ready", "True", null, Duration.ofSeconds(40));
  }

  /** A WordPress site with a staging environment, Ready. */
  public static void shopWithStaging(Tenant tenant) {
    tenant.secret("shop-admin", Map.of("password", "s3cret-Passw0rd"));
    KinstaSite shop = Sites.wordpress("shop");
    shop.getSpec().environments = new SiteEnvironments();
    shop.getSpec().environments.staging = new StagingEnvironment();
    tenant.create(shop);
    tenant.awaitSiteReady("shop");
  }

  /** One action of each kind that works on a WordPress site with staging. */
  static Map<String, Consumer<KinstaSiteActionSpec>> everyKind() {
    Map<String, Consumer<KinstaSiteActionSpec>> kinds = new java.util.LinkedHashMap<>();
    kinds.put("clear-cache", s -> s.clearCache = new KinstaSiteActionSpec.Empty());
    kinds.put(
        "clear-edge",
        s -> {
          s.clearEdgeCache = new KinstaSiteActionSpec.ClearEdgeCache();
          s.clearEdgeCache.url = "https://shop.acme.example/products";
          s.clearEdgeCache.subdirectories = true;
        });
    kinds.put("clear-cdn", s -> s.clearCdnCache = new KinstaSiteActionSpec.Empty());
    kinds.put("restart-php", s -> s.restartPhp = new KinstaSiteActionSpec.Empty());
    kinds.put(
        "backup",
        s -> {
          s.backup = new KinstaSiteActionSpec.Backup();
          s.backup.tag = "before-release";
        });
    kinds.put(
        "update-plugins",
        s -> {
          s.updatePlugins = new KinstaSiteActionSpec.ComponentUpdate();
          s.updatePlugins.all = true;
        });
    kinds.put(
        "update-theme",
        s -> {
          s.updateThemes = new KinstaSiteActionSpec.ComponentUpdate();
          KinstaSiteActionSpec.ComponentVersion theme = new KinstaSiteActionSpec.ComponentVersion();
          theme.name = "twentytwentyfour";
          s.updateThemes.items = List.of(theme);
        });
    kinds.put(
        "wp-cli",
        s -> {
          s.wpCli = new KinstaSiteActionSpec.WpCli();
          s.wpCli.command = "wp plugin list --status=active";
        });
    kinds.put(
        "push-staging-to-live",
        s -> {
          s.environment = "staging";
          s.push = new KinstaSiteActionSpec.Push();
          s.push.target = "live";
          s.push.confirm = "live";
          s.push.paths = List.of("wp-content/themes");
        });
    return kinds;
  }

  @Test
  void everyKindOfActionStallsWithKinstasMessageWhenItsOperationFails() {
    Tenant tenant = harness.tenant();
    shopWithStaging(tenant);
    tenant.create(
        action("first-backup", "shop", s -> s.backup = new KinstaSiteActionSpec.Backup()));
    awaitReady(tenant, "first-backup");
    harness.kinsta.simulator.addFault(
        Fault.failOperation("(POST|PUT) /sites/.*", "Kinsta says no", 100));
    Map<String, Consumer<KinstaSiteActionSpec>> kinds = everyKind();
    kinds.put(
        "restore-latest",
        s -> {
          s.restore = new KinstaSiteActionSpec.Restore();
          s.restore.latestBefore = java.time.Instant.now().plus(Duration.ofDays(1)).toString();
          s.restore.confirm = "live";
        });
    kinds.forEach((name, what) -> tenant.create(action(name, "shop", what)));

    for (String name : kinds.keySet()) {
      KinstaSiteAction failed =
          tenant.awaitCondition(
              KinstaSiteAction.class,
              name,
              "Stalled",
              "True",
              "ActionFailed",
              Duration.ofSeconds(40));
      assertTrue(Tenant.conditions(failed).get(2).getMessage().contains("Kinsta says no"), name);
      assertEquals(RunOutcome.Failed, failed.getStatus().runs.get(0).outcome, name);
    }
  }

  @Test
  void everyKindOfActionRunsOnceAndReportsItsRun() {
    Tenant tenant = harness.tenant();
    shopWithStaging(tenant);
    Map<String, Consumer<KinstaSiteActionSpec>> kinds = everyKind();
    kinds.forEach((name, what) -> tenant.create(action(name, "shop", what)));

    for (String name : kinds.keySet()) {
      KinstaSiteAction done = awaitReady(tenant, name);
      Run run = done.getStatus().runs.get(0);
      assertEquals(RunOutcome.Succeeded, run.outcome, name);
      assertNotNull(run.operationId, name);
      assertNotNull(run.finishedAt, name);
      assertEquals(1, done.getStatus().runs.size(), name + " ran once");
    }
    assertNotNull(
        tenant.get(KinstaSiteAction.class, "wp-cli").getStatus().runs.get(0).output,
        "the WP-CLI output is kept");

    tenant.create(
        action(
            "restore-latest",
            "shop",
            s -> {
              s.restore = new KinstaSiteActionSpec.Restore();
              s.restore.latestBefore = java.time.Instant.now().plus(Duration.ofDays(1)).toString();
              s.restore.confirm = "live";
            }));
    assertEquals(
        RunOutcome.Succeeded, awaitReady(tenant, "restore-latest").getStatus().runs.get(0).outcome);
    assertEquals(1, tenant.calls("POST /sites/environments/{target_env_id}/backups/restore"));
    assertEquals(1, tenant.calls("PUT /sites/{site_id}/environments"), "one push");
  }

  @Test
  void deletesABackupOfTheEnvironmentAndReportsOneItDoesNotHave() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("blog"));
    String liveId = tenant.awaitSiteReady("blog").getStatus().environments.get(0).id;
    long backup =
        harness.kinsta.simulator.seedBackup(liveId, "manual", "old", java.time.Instant.now());
    tenant.create(
        action(
            "drop-backup",
            "blog",
            s -> {
              s.deleteBackup = new KinstaSiteActionSpec.DeleteBackup();
              s.deleteBackup.backupId = backup;
            }));
    awaitReady(tenant, "drop-backup");
    boolean gone =
        harness.kinsta.simulator.read(
            state -> state.environment(liveId).orElseThrow().backups.isEmpty());
    assertTrue(gone, "the backup is deleted in Kinsta");

    tenant.create(
        action(
            "drop-unknown",
            "blog",
            s -> {
              s.deleteBackup = new KinstaSiteActionSpec.DeleteBackup();
              s.deleteBackup.backupId = 424242L;
            }));
    tenant.awaitCondition(
        KinstaSiteAction.class,
        "drop-unknown",
        "Stalled",
        "True",
        ActionReasons.BACKUP_NOT_FOUND.code(),
        Duration.ofSeconds(30));
    assertEquals(1, tenant.calls("DELETE /sites/environments/backups/{backup_id}"));
  }

  @Test
  void resetsTheSiteWithThePasswordFromItsSecretOnlyOnceConfirmed() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("blog"));
    String siteId = tenant.awaitSiteReady("blog").getStatus().siteId;
    tenant.create(
        action(
            "reset",
            "blog",
            s -> {
              s.resetSite = new KinstaSiteActionSpec.ResetSite();
              s.resetSite.adminPasswordSecretRef = new SecretKeyReference("blog-reset", "password");
              s.resetSite.confirm = "blog";
            }));
    tenant.awaitCondition(
        KinstaSiteAction.class,
        "reset",
        "Stalled",
        "True",
        Reasons.SECRET_NOT_FOUND.code(),
        Duration.ofSeconds(30));
    assertEquals(0, tenant.calls("POST /sites/{site_id}/reset-site"));

    tenant.secret("blog-reset", Map.of("password", "n3w-Admin-Passw0rd"));
    awaitReady(tenant, "reset");
    int resets = harness.kinsta.simulator.read(state -> state.sites.get(siteId).resets);
    assertEquals(1, resets);
    assertEquals(
        "n3w-Admin-Passw0rd",
        harness.kinsta.simulator.read(state -> state.sites.get(siteId).adminPassword));
    assertFalse(
        io.fabric8.kubernetes.client.utils.Serialization.asJson(
                tenant.get(KinstaSiteAction.class, "reset"))
            .contains("n3w-Admin-Passw0rd"),
        "the password stays in its Secret");
  }

  @Test
  void fetchesTheNewestLogLinesIntoTheRunBounded() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("blog"));
    tenant.awaitSiteReady("blog");
    tenant.create(
        action(
            "errors",
            "blog",
            s -> {
              s.logs = new KinstaSiteActionSpec.Logs();
              s.logs.file = "access";
              s.logs.lines = 1000;
            }));
    Run run = awaitReady(tenant, "errors").getStatus().runs.get(0);
    assertEquals(RunOutcome.Succeeded, run.outcome);
    assertTrue(run.output.length() <= 16_000, "bounded: " + run.output.length());
    assertTrue(run.output.strip().endsWith("access line 1000"), "the newest lines are kept");
    assertTrue(run.output.startsWith("[simulated] "), "cut at a line");
    assertEquals(1, tenant.calls("GET /sites/environments/{env_id}/logs"));
  }

  @Test
  void aFailedOperationStallsWithKinstasMessageAndAChangeRunsItAgain() {
    Tenant tenant = harness.tenant();
    tenant.create(Sites.plain("blog"));
    tenant.awaitSiteReady("blog");
    harness.kinsta.simulator.addFault(
        Fault.failOperation("POST /sites/tools/clear-cache", "cache is locked", 1));
    tenant.create(action("clear", "blog", s -> s.clearCache = new KinstaSiteActionSpec.Empty()));

    KinstaSiteAction failed =
        tenant.awaitCondition(
            KinstaSiteAction.class,
            "clear",
            "Stalled",
            "True",
            "ActionFailed",
            Duration.ofSeconds(30));
    assertTrue(Tenant.conditions(failed).get(2).getMessage().contains("cache is locked"));
    assertEquals(RunOutcome.Failed, failed.getStatus().runs.get(0).outcome);

    tenant.edit(KinstaSiteAction.class, "clear", a -> a.getSpec().environment = "Live");
    KinstaSiteAction retried = awaitReady(tenant, "clear");
    assertEquals(RunOutcome.Succeeded, retried.getStatus().runs.get(0).outcome);
    assertEquals(2, tenant.calls("POST /sites/tools/clear-cache"));
  }

  @Test
  void destructiveActionsNeedTheirConfirmationAndMakeNoCallWithout() {
    try (OperatorHarness unenforced = withoutSchemaEnforcement()) {
      Tenant tenant = unenforced.tenant();
      tenant.create(
          action(
              "unconfirmed-push",
              "anything",
              s -> {
                s.environment = "staging";
                s.push = new KinstaSiteActionSpec.Push();
                s.push.target = "live";
              }));
      tenant.create(
          action(
              "unconfirmed-restore",
              "anything",
              s -> {
                s.restore = new KinstaSiteActionSpec.Restore();
                s.restore.backupId = 42L;
                s.restore.confirm = "staging";
              }));

      KinstaSiteAction push =
          tenant.awaitCondition(
              KinstaSiteAction.class,
              "unconfirmed-push",
              "Stalled",
              "True",
              Reasons.INVALID_SPEC.code(),
              Duration.ofSeconds(20));
      KinstaSiteAction restore =
          tenant.awaitCondition(
              KinstaSiteAction.class,
              "unconfirmed-restore",
              "Stalled",
              "True",
              Reasons.INVALID_SPEC.code(),
              Duration.ofSeconds(20));
      tenant.create(
          action(
              "unconfirmed-reset",
              "anything",
              s -> {
                s.resetSite = new KinstaSiteActionSpec.ResetSite();
                s.resetSite.adminPasswordSecretRef = new SecretKeyReference("reset", "password");
                s.resetSite.confirm = "something-else";
              }));
      KinstaSiteAction reset =
          tenant.awaitCondition(
              KinstaSiteAction.class,
              "unconfirmed-reset",
              "Stalled",
              "True",
              Reasons.INVALID_SPEC.code(),
              Duration.ofSeconds(20));
      assertTrue(
          Tenant.conditions(reset).get(2).getMessage().contains("spec.resetSite.confirm"),
          Tenant.conditions(reset).get(2).getMessage());
      assertTrue(Tenant.conditions(push).get(2).getMessage().contains("spec.push.confirm"));
      assertTrue(Tenant.conditions(restore).get(2).getMessage().contains("spec.restore.confirm"));
      assertEquals(0, tenant.calls());
    }
  }

  @Test
  void aMissingSiteIsAwaitedAndAMissingEnvironmentIsReported() {
    Tenant tenant = harness.tenant();
    tenant.create(
        action("early", "later-site", s -> s.restartPhp = new KinstaSiteActionSpec.Empty()));
    KinstaSiteAction waiting =
        tenant.awaitCondition(
            KinstaSiteAction.class,
            "early",
            "Reconciling",
            "True",
            "WaitingForSite",
            Duration.ofSeconds(20));
    assertTrue(Tenant.conditions(waiting).get(1).getMessage().contains("later-site"));

    tenant.create(Sites.plain("later-site"));
    assertEquals(
        RunOutcome.Succeeded,
        awaitReady(tenant, "early").getStatus().runs.get(0).outcome,
        "the site's appearance woke the action up");

    tenant.create(
        action(
            "nowhere",
            "later-site",
            s -> {
              s.environment = "staging";
              s.restartPhp = new KinstaSiteActionSpec.Empty();
            }));
    KinstaSiteAction missing =
        tenant.awaitCondition(
            KinstaSiteAction.class,
            "nowhere",
            "Stalled",
            "True",
            "EnvironmentNotFound",
            Duration.ofSeconds(20));
    assertTrue(
        Tenant.conditions(missing).get(2).getMessage().contains("live"),
        "names the environments there are");
  }
}
