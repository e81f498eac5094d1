package dev.operators.kinsta.hosting.pipeline;

import static dev.operators.kinsta.hosting.application.ApplicationLifecycleTest.adoptingId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec;
import dev.operators.kinsta.hosting.application.ApplicationLifecycleTest;
import dev.operators.kinsta.reconcile.CredentialsProtection;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.simulator.KinstaSimulator.PipelineView;
import dev.operators.kinsta.simulator.KinstaSimulator.StageView;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * KinstaPipeline against the simulator over HTTP, on the real API server: creation exactly once,
 * stages, the applications in them, previews, drift put back, deletion; two namespaces of one
 * company.
 */
public class PipelineLifecycleTest extends SharedHarnessTest {
  private static final String REPO = "https://github.com/acme/storefront";

  public static KinstaPipeline pipeline(String name, Consumer<KinstaPipelineSpec> spec) {
    KinstaPipeline pipeline = new KinstaPipeline();
    pipeline.setMetadata(new ObjectMetaBuilder().withName(name).build());
    pipeline.setSpec(new KinstaPipelineSpec());
    pipeline.getSpec().credentialsRef = new CredentialsReference("kinsta");
    spec.accept(pipeline.getSpec());
    return pipeline;
  }

  public static KinstaPipelineSpec.Stage stage(String name, String branch, String... applications) {
    KinstaPipelineSpec.Stage stage = new KinstaPipelineSpec.Stage();
    stage.name = name;
    stage.branch = branch;
    stage.applications = applications.length == 0 ? null : List.of(applications);
    return stage;
  }

  public static KinstaPipelineSpec.Production production(String... applications) {
    KinstaPipelineSpec.Production production = new KinstaPipelineSpec.Production();
    production.applications = List.of(applications);
    return production;
  }

  public static KinstaPipelineSpec.Previews previews(boolean enabled) {
    KinstaPipelineSpec.Previews previews = new KinstaPipelineSpec.Previews();
    previews.enabled = enabled;
    previews.repoUrl = enabled ? REPO : null;
    return previews;
  }

  public static KinstaPipeline awaitReady(Tenant tenant, String name) {
    return tenant.awaitCondition(
        KinstaPipeline.class, name, "Ready", "True", null, Duration.ofSeconds(30));
  }

  private static PipelineView inSevalla(String id) {
    return harness.kinsta.simulator.pipeline(id).orElseThrow();
  }

  private static List<String> stageNames(PipelineView view) {
    return view.stages().stream().map(StageView::displayName).toList();
  }

  private static StageView stageNamed(PipelineView view, String name) {
    return view.stages().stream()
        .filter(s -> s.displayName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String adopted(Tenant tenant, String name, String displayName) {
    String id = harness.kinsta.simulator.seedApplication(tenant.companyId(), displayName);
    tenant.create(adoptingId(name, id));
    ApplicationLifecycleTest.awaitReady(tenant, name);
    return id;
  }

  @Test
  void createsStagesPreviewsAndMembersOnceAndPutsDriftBack() {
    Tenant tenant = harness.tenant();
    String staging = adopted(tenant, "staging", "Storefront staging");
    String live = adopted(tenant, "live", "Storefront");
    tenant.create(
        pipeline(
            "storefront",
            spec -> {
              spec.type = KinstaPipelineSpec.Type.TRUNK;
              spec.stages = List.of(stage("Staging", null, "staging"));
              spec.production = production("live");
              spec.previews = previews(true);
              spec.previews.autoCreateApp = true;
              spec.previews.staleAppDays = 7;
            }));

    KinstaPipeline ready = awaitReady(tenant, "storefront");
    String id = ready.getStatus().pipelineId;
    PipelineView view = inSevalla(id);
    assertEquals("storefront", view.displayName());
    assertEquals(List.of("Preview", "Staging", "Production"), stageNames(view), "Dev removed");
    assertEquals(List.of(staging), stageNamed(view, "Staging").appIds());
    assertEquals(List.of(live), stageNamed(view, "Production").appIds());
    assertTrue(stageNamed(view, "Preview").autoCreateApp());
    assertEquals(7, stageNamed(view, "Preview").staleAppDays());
    assertEquals(REPO, view.previewRepoUrl());
    assertEquals(1, tenant.calls("POST /pipelines"));
    assertEquals(1, tenant.calls("DELETE /pipelines/{id}/stages/{stage_id}"));
    assertEquals(1, tenant.calls("POST /pipelines/{id}/stages"));
    assertEquals(1, tenant.calls("POST /pipelines/{id}/preview/enable"));
    assertEquals(2, tenant.calls("POST /pipelines/{id}/stages/{stage_id}/apps"));
    assertEquals(0, tenant.calls("PATCH /pipelines/{id}"), "stages made in order");
    assertEquals(2, ready.getStatus().members.size());
    assertTrue(ready.getStatus().previews.enabled);
    assertTrue(
        ready.getStatus().conditions.stream()
            .anyMatch(c -> c.getMessage().contains("Preview → Staging → Production")));

    // Someone deletes the Staging stage (and with it the application's place) and turns the
    // previews' automatic creation off in MyKinsta.
    harness.kinsta.simulator.mutate(
        state -> {
          var pipeline = state.pipelines.get(id);
          pipeline.stages.removeIf(s -> s.displayName.equals("Staging"));
          pipeline.stages.get(0).autoCreateApp = false;
          pipeline.updatedAt = pipeline.updatedAt.plusSeconds(1);
          return null;
        });
    // The company's list shows the new change time at the next resync; a request looks now.
    tenant.requestReconcile(KinstaPipeline.class, "storefront", "drift");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              PipelineView now = inSevalla(id);
              return stageNames(now).equals(List.of("Preview", "Staging", "Production"))
                  && stageNamed(now, "Staging").appIds().equals(List.of(staging))
                  && stageNamed(now, "Preview").autoCreateApp();
            });
    assertEquals(2, tenant.calls("POST /pipelines/{id}/stages"));
    assertEquals(3, tenant.calls("POST /pipelines/{id}/stages/{stage_id}/apps"));
    assertEquals(1, tenant.calls("PUT /pipelines/{id}/preview"));

    // A QA stage on its own branch before Staging, production emptied, previews off.
    tenant.edit(
        KinstaPipeline.class,
        "storefront",
        p -> {
          p.getSpec().stages = List.of(stage("QA", "qa"), stage("Staging", null, "staging"));
          p.getSpec().production = production();
          p.getSpec().previews = previews(false);
        });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              PipelineView now = inSevalla(id);
              return stageNames(now).equals(List.of("QA", "Staging", "Production"))
                  && stageNamed(now, "Production").appIds().isEmpty();
            });
    KinstaPipeline changed = awaitReady(tenant, "storefront");
    assertEquals("qa", stageNamed(inSevalla(id), "QA").branch());
    assertEquals(1, tenant.calls("PATCH /pipelines/{id}"), "QA moved before Staging in one call");
    assertEquals(1, tenant.calls("DELETE /pipelines/{id}/stages/{stage_id}/apps/{app_id}"));
    assertEquals(1, tenant.calls("POST /pipelines/{id}/preview/disable"));
    assertFalse(changed.getStatus().previews.enabled);
    assertEquals(1, changed.getStatus().members.size());

    // A resync with nothing changed costs no call of its own.
    long before = tenant.calls("GET /pipelines/{id}");
    tenant.requestReconcile(KinstaPipeline.class, "storefront", "look");
    awaitReady(tenant, "storefront");
    assertEquals(before + 1, tenant.calls("GET /pipelines/{id}"), "a requested look reads once");

    tenant.delete(KinstaPipeline.class, "storefront");
    tenant.awaitGone(KinstaPipeline.class, "storefront", Duration.ofSeconds(30));
    assertTrue(harness.kinsta.simulator.pipeline(id).isEmpty());
    assertEquals(1, tenant.calls("DELETE /pipelines/{id}"));
  }

  @Test
  void anApplicationWithoutAnIdIsWaitedForAndAddedOnceItHasOne() {
    Tenant tenant = harness.tenant();
    tenant.create(
        pipeline(
            "release",
            spec -> {
              spec.type = KinstaPipelineSpec.Type.BRANCH;
              spec.production = production("later");
            }));
    tenant.awaitCondition(
        KinstaPipeline.class,
        "release",
        "Reconciling",
        "True",
        PipelineReasons.WAITING_FOR_APPLICATION.code(),
        Duration.ofSeconds(30));
    assertEquals(0, tenant.calls("POST /pipelines/{id}/stages/{stage_id}/apps"));

    String app = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Later");
    tenant.create(adoptingId("later", app));
    KinstaPipeline ready = awaitReady(tenant, "release");
    PipelineView view = inSevalla(ready.getStatus().pipelineId);
    assertEquals("branch", view.type());
    assertEquals(List.of(app), stageNamed(view, "Production").appIds());
    assertEquals(1, tenant.calls("POST /pipelines/{id}/stages/{stage_id}/apps"));
  }

  @Test
  void namespacesOfOneCompanyNeverTakeOrDeleteEachOthersPipeline() {
    Tenant first = harness.tenant();
    Tenant second = harness.sameCompanyAs(first);
    first.create(
        pipeline(
            "release",
            spec -> {
              spec.displayName = "Release";
              spec.type = KinstaPipelineSpec.Type.TRUNK;
            }));
    String id = awaitReady(first, "release").getStatus().pipelineId;

    second.create(
        pipeline(
            "release",
            spec -> {
              spec.displayName = "Release";
              spec.type = KinstaPipelineSpec.Type.TRUNK;
            }));
    second.awaitCondition(
        KinstaPipeline.class,
        "release",
        "Stalled",
        "True",
        Reasons.NAME_IN_USE.code(),
        Duration.ofSeconds(30));
    assertEquals(
        List.of(id), harness.kinsta.simulator.pipelinesNamed(first.companyId(), "Release"));

    // The second namespace adopts it under another name, then lets go: Retain leaves it.
    second.delete(KinstaPipeline.class, "release");
    second.awaitGone(KinstaPipeline.class, "release", Duration.ofSeconds(30));
    second.create(
        pipeline(
            "adopted",
            spec -> {
              spec.adopt = new KinstaPipelineSpec.Adoption();
              spec.adopt.id = id;
            }));
    second.awaitCondition(
        KinstaPipeline.class,
        "adopted",
        "Stalled",
        "True",
        Reasons.ALREADY_MANAGED.code(),
        Duration.ofSeconds(30));
    second.delete(KinstaPipeline.class, "adopted");
    second.awaitGone(KinstaPipeline.class, "adopted", Duration.ofSeconds(30));
    assertTrue(harness.kinsta.simulator.pipeline(id).isPresent(), "the first one's pipeline stays");
    assertEquals(0, second.calls("DELETE /pipelines/{id}"));
    awaitReady(first, "release");
  }

  @Test
  void theCredentialsOutliveTheApplicationWhileThePipelineStillNeedsThem() {
    Tenant tenant = harness.tenant();
    String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Web");
    KinstaApplication app = adoptingId("web", appId);
    app.getSpec().deletionPolicy = DeletionPolicy.Delete;
    tenant.create(app);
    ApplicationLifecycleTest.awaitReady(tenant, "web");
    tenant.create(pipeline("kept", spec -> spec.type = KinstaPipelineSpec.Type.TRUNK));
    String id = awaitReady(tenant, "kept").getStatus().pipelineId;
    await().atMost(Duration.ofSeconds(10)).until(() -> protectedCredentials(tenant));

    // The application goes; the pipeline, which deletes in Sevalla too, still needs the key.
    tenant.delete(KinstaApplication.class, "web");
    tenant.awaitGone(KinstaApplication.class, "web", Duration.ofSeconds(30));
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> protectedCredentials(tenant));

    tenant.deleteSecret("kinsta");
    tenant.delete(KinstaPipeline.class, "kept");
    tenant.awaitGone(KinstaPipeline.class, "kept", Duration.ofSeconds(30));
    assertTrue(harness.kinsta.simulator.pipeline(id).isEmpty(), "deleted with the key it needed");
    tenant.awaitGone(Secret.class, "kinsta", Duration.ofSeconds(20));
  }

  private static boolean protectedCredentials(Tenant tenant) {
    List<String> finalizers = tenant.get(Secret.class, "kinsta").getMetadata().getFinalizers();
    return finalizers != null && finalizers.contains(CredentialsProtection.FINALIZER);
  }

  @Test
  void anAdoptedPipelineIsRetainedWhenItsResourceGoes() {
    Tenant tenant = harness.tenant();
    String id = harness.kinsta.simulator.seedPipeline(tenant.companyId(), "Handmade");
    tenant.create(
        pipeline(
            "handmade",
            spec -> {
              spec.adopt = new KinstaPipelineSpec.Adoption();
              spec.adopt.id = id;
              spec.previews = previews(true);
            }));
    KinstaPipeline ready = awaitReady(tenant, "handmade");
    assertEquals("Handmade", ready.getStatus().displayName, "an adopted name is kept");
    assertEquals(List.of("Preview", "Dev", "Production"), stageNames(inSevalla(id)));
    tenant.delete(KinstaPipeline.class, "handmade");
    tenant.awaitGone(KinstaPipeline.class, "handmade", Duration.ofSeconds(30));
    assertTrue(harness.kinsta.simulator.pipeline(id).isPresent());
    assertEquals(0, tenant.calls("DELETE /pipelines/{id}"));
    assertEquals(0, tenant.calls("PATCH /pipelines/{id}"));
  }
}
