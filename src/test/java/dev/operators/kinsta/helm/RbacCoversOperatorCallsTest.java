package dev.operators.kinsta.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnection;
import dev.operators.kinsta.api.v1alpha1.KinstaInternalConnectionSpec;
import dev.operators.kinsta.application.ApplicationLifecycleTest;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteAction;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteActionSpec;
import dev.operators.kinsta.database.DatabaseLifecycleTest;
import dev.operators.kinsta.operator.OperatorMain;
import dev.operators.kinsta.site.Sites;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, measured: every Kubernetes call the operator makes through a whole lifecycle is recorded at the
 * API server, and the chart's ClusterRole must allow each one and grant nothing that none of them needed.
 */
class RbacCoversOperatorCallsTest {
  private static final Pattern RESOURCE_PATH = Pattern.compile(
      "^/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/[^/]+)?/([a-z0-9]+)(?:/([^/]+))?(?:/([a-z]+))?$");

  /** A call as RBAC sees it. */
  record Access(String group, String resource, String verb) implements Comparable<Access> {
    @Override
    public int compareTo(Access other) {
      return toString().compareTo(other.toString());
    }
  }

  @Test
  void theClusterRoleAllowsExactlyWhatTheOperatorDoes() throws InterruptedException {
    Set<Access> used = new TreeSet<>();
    try (OperatorHarness harness = OperatorHarness.start()) {
      Tenant tenant = harness.tenant();
      tenant.secret("shop-admin", Map.of("password", "s3cret-Passw0rd"));
      tenant.create(Sites.wordpress("shop"));
      tenant.awaitSiteReady("shop");
      KinstaSite orphan = Sites.plain("no-credentials");
      orphan.getSpec().credentialsRef.name = "missing";
      tenant.create(orphan);
      tenant.awaitSiteStalled("no-credentials", "CredentialsNotFound");
      tenant.create(DatabaseLifecycleTest.postgres("orders"));
      DatabaseLifecycleTest.awaitReady(tenant, "orders");
      tenant.edit(KinstaDatabase.class, "orders", db -> db.getSpec().size = KinstaDatabaseSpec.DatabaseSize.db2);
      DatabaseLifecycleTest.awaitReady(tenant, "orders");
      String appId = harness.kinsta.simulator.seedApplication(tenant.companyId(), "Storefront");
      KinstaApplication app = ApplicationLifecycleTest.adoptingId("storefront", appId);
      app.getSpec().deletionPolicy = DeletionPolicy.Delete;
      tenant.create(app);
      ApplicationLifecycleTest.awaitReady(tenant, "storefront");
      KinstaInternalConnection link = new KinstaInternalConnection();
      link.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("store-to-orders").build());
      link.setSpec(new KinstaInternalConnectionSpec());
      link.getSpec().credentialsRef = new dev.operators.kinsta.api.v1alpha1.CredentialsReference("kinsta");
      link.getSpec().application = new KinstaInternalConnectionSpec.ApplicationEnd();
      link.getSpec().application.name = "storefront";
      link.getSpec().target = new KinstaInternalConnectionSpec.TargetEnd();
      link.getSpec().target.database = "orders";
      tenant.create(link);
      tenant.awaitCondition(KinstaInternalConnection.class, "store-to-orders", "Ready", "True", null,
          Duration.ofSeconds(30));
      tenant.delete(KinstaInternalConnection.class, "store-to-orders");
      tenant.awaitGone(KinstaInternalConnection.class, "store-to-orders", Duration.ofSeconds(30));
      tenant.delete(KinstaApplication.class, "storefront");
      tenant.awaitGone(KinstaApplication.class, "storefront", Duration.ofSeconds(30));
      KinstaSiteAction clear = new KinstaSiteAction();
      clear.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("clear").build());
      clear.setSpec(new KinstaSiteActionSpec());
      clear.getSpec().credentialsRef = new dev.operators.kinsta.api.v1alpha1.CredentialsReference("kinsta");
      clear.getSpec().site = new KinstaSiteActionSpec.SiteReference();
      clear.getSpec().site.name = "shop";
      clear.getSpec().clearCache = new KinstaSiteActionSpec.Empty();
      tenant.create(clear);
      tenant.awaitCondition(KinstaSiteAction.class, "clear", "Ready", "True", null, Duration.ofSeconds(30));
      tenant.delete(KinstaSiteAction.class, "clear");
      tenant.awaitGone(KinstaSiteAction.class, "clear", Duration.ofSeconds(30));
      tenant.delete(KinstaSite.class, "shop");
      tenant.delete(KinstaDatabase.class, "orders");
      tenant.awaitGone(KinstaSite.class, "shop", Duration.ofSeconds(30));
      tenant.awaitGone(KinstaDatabase.class, "orders", Duration.ofSeconds(30));

      RecordedRequest request;
      while ((request = harness.server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
        if (OperatorMain.USER_AGENT.equals(request.getHeader("User-Agent"))) {
          access(request).ifPresent(used::add);
        }
      }
    }
    List<PolicyRule> rules = Chart.one(Chart.render(Map.of()), ClusterRole.class).orElseThrow().getRules();
    Set<Access> granted = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            granted.add(new Access(group, resource, verb));
          }
        }
      }
    }

    assertTrue(granted.containsAll(used), "the operator needs " + minus(used, granted) + " beyond the chart's "
        + "ClusterRole");
    // JOSDK re-reads a resource after a conflicting patch; the lifecycle above has no conflict to show it.
    Set<Access> neededOnConflict = Set.of(new Access("kinsta.operators.dev", "kinstasites", "get"),
        new Access("kinsta.operators.dev", "kinstadatabases", "get"),
        new Access("kinsta.operators.dev", "kinstaapplications", "get"),
        new Access("kinsta.operators.dev", "kinstainternalconnections", "get"),
        new Access("kinsta.operators.dev", "kinstasiteactions", "get"));
    assertEquals(neededOnConflict, minus(granted, used), "the ClusterRole grants what the operator never used");
  }

  private static Set<Access> minus(Set<Access> a, Set<Access> b) {
    Set<Access> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }

  private static java.util.Optional<Access> access(RecordedRequest request) {
    String full = request.getPath();
    String path = full.contains("?") ? full.substring(0, full.indexOf('?')) : full;
    Matcher m = RESOURCE_PATH.matcher(path);
    if (!m.matches() || "namespaces".equals(m.group(2)) && m.group(3) != null && m.group(4) != null) {
      return java.util.Optional.empty();
    }
    String group = m.group(1) == null ? "" : m.group(1);
    String resource = m.group(2) + (m.group(4) == null ? "" : "/" + m.group(4));
    boolean named = m.group(3) != null;
    String verb = switch (request.getMethod()) {
      case "GET" -> !named ? (full.contains("watch=true") ? "watch" : "list") : "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> request.getMethod().toLowerCase();
    };
    return java.util.Optional.of(new Access(group, resource, verb));
  }
}
