package dev.operators.kinsta.wordpress.siteaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each action field of the spec is one typed action, tracked as an operation type of its own. */
class SiteActionTypesTest {
  private static final Map<String, Consumer<KinstaSiteActionSpec>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("ClearCache", s -> s.clearCache = new KinstaSiteActionSpec.Empty());
    FIELDS.put("ClearEdgeCache", s -> s.clearEdgeCache = new KinstaSiteActionSpec.ClearEdgeCache());
    FIELDS.put("ClearCdnCache", s -> s.clearCdnCache = new KinstaSiteActionSpec.Empty());
    FIELDS.put("RestartPhp", s -> s.restartPhp = new KinstaSiteActionSpec.Empty());
    FIELDS.put("PushEnvironment", s -> s.push = new KinstaSiteActionSpec.Push());
    FIELDS.put("CreateBackup", s -> s.backup = new KinstaSiteActionSpec.Backup());
    FIELDS.put("RestoreBackup", s -> s.restore = new KinstaSiteActionSpec.Restore());
    FIELDS.put("UpdatePlugins", s -> s.updatePlugins = new KinstaSiteActionSpec.ComponentUpdate());
    FIELDS.put("UpdateThemes", s -> s.updateThemes = new KinstaSiteActionSpec.ComponentUpdate());
    FIELDS.put("DeleteBackup", s -> s.deleteBackup = new KinstaSiteActionSpec.DeleteBackup());
    FIELDS.put("ResetSite", s -> s.resetSite = new KinstaSiteActionSpec.ResetSite());
    FIELDS.put("RunWpCli", s -> s.wpCli = new KinstaSiteActionSpec.WpCli());
  }

  @Test
  void everyActionFieldIsItsOwnOperationType() {
    Set<String> types = new TreeSet<>();
    FIELDS.forEach(
        (type, field) -> {
          KinstaSiteActionSpec spec = new KinstaSiteActionSpec();
          field.accept(spec);
          SiteAction action = SiteAction.of(spec);
          SiteAction.KinstaOperation operation =
              assertInstanceOf(SiteAction.KinstaOperation.class, action, type);
          assertEquals(type, operation.operation().wireName());
          assertFalse(action.describe().isBlank(), type);
          types.add(operation.operation().wireName());
        });
    assertEquals(FIELDS.size(), types.size(), "no two actions share a type: " + types);
    assertEquals(
        ActionOperation.values().length - 1, types.size(), "every type but the legacy one is used");
  }

  @Test
  void aLogFetchIsNoOperation() {
    KinstaSiteActionSpec spec = new KinstaSiteActionSpec();
    spec.logs = new KinstaSiteActionSpec.Logs();
    assertInstanceOf(SiteAction.FetchLogs.class, SiteAction.of(spec));
  }

  @Test
  void aRunStartedByAnEarlierBuildIsStillFollowed() {
    TrackedOperation legacy = new TrackedOperation();
    legacy.type = "RunAction";
    assertTrue(ActionOperation.isRun(legacy));
    TrackedOperation push = new TrackedOperation();
    push.type = "PushEnvironment";
    assertTrue(ActionOperation.isRun(push));
    TrackedOperation other = new TrackedOperation();
    other.type = "CreateSite";
    assertFalse(ActionOperation.isRun(other));
  }
}
