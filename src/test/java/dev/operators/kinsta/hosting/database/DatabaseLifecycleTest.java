package dev.operators.kinsta.hosting.database;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.DeletionPolicy;
import dev.operators.kinsta.api.v1alpha1.IpRestriction;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabase;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec.DatabaseType;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.reconcile.Reasons;
import dev.operators.kinsta.reconcile.SecretLookup;
import dev.operators.kinsta.simulator.Fault;
import dev.operators.kinsta.simulator.SimulatorState;
import dev.operators.kinsta.testing.OperatorHarness;
import dev.operators.kinsta.testing.OperatorHarness.Tenant;
import dev.operators.kinsta.testing.SharedHarnessTest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KinstaDatabase against the simulator and the real API server: create, connection Secret, resize,
 * adopt, delete.
 */
public class DatabaseLifecycleTest extends SharedHarnessTest {
  public static KinstaDatabase postgres(String name) {
    KinstaDatabase db = new KinstaDatabase();
    db.setMetadata(new ObjectMetaBuilder().withName(name).build());
    KinstaDatabaseSpec spec = new KinstaDatabaseSpec();
    spec.credentialsRef = new CredentialsReference("kinsta");
    spec.type = DatabaseType.POSTGRESQL;
    spec.version = "16";
    spec.location = "us-central1";
    spec.size = "db1";
    spec.databaseName = "shop";
    spec.user = "shop";
    db.setSpec(spec);
    return db;
  }

  public static KinstaDatabase awaitReady(Tenant tenant, String name) {
    return tenant.awaitCondition(
        KinstaDatabase.class, name, "Ready", "True", null, Duration.ofSeconds(30));
  }

  private static SimulatorState.Database inKinsta(String id) {
    return harness.kinsta.simulator.read(state -> state.databases.get(id));
  }

  private static String value(Secret secret, String key) {
    return SecretLookup.value(secret, key).orElse(null);
  }

  @Test
  void createsADatabaseAndWritesAWorkingConnectionSecret() {
    Tenant tenant = harness.tenant();
    tenant.create(postgres("orders"));

    KinstaDatabase ready = awaitReady(tenant, "orders");

    String id = ready.getStatus().databaseId;
    SimulatorState.Database db = inKinsta(id);
    assertEquals("db1", db.resourceType);
    assertEquals("orders", db.displayName);
    Secret secret = tenant.get(Secret.class, "orders-connection");
    assertEquals(db.internalHostname(), value(secret, "host"));
    assertEquals(String.valueOf(db.internalPort()), value(secret, "port"));
    assertEquals("shop", value(secret, "database"));
    assertEquals("shop", value(secret, "user"));
    assertEquals(
        db.dbPassword, value(secret, "password"), "the generated password is the database's");
    assertTrue(db.dbPassword.length() >= 32);
    URI url = URI.create(value(secret, "url"));
    assertEquals("postgresql", url.getScheme());
    assertEquals(db.internalHostname(), url.getHost());
    assertEquals("shop:" + db.dbPassword, url.getUserInfo());
    assertEquals(db.externalHostname(), value(secret, "external_host"));
    assertEquals(
        KinstaDatabase.class.getSimpleName(),
        secret.getMetadata().getOwnerReferences().get(0).getKind());

    assertEquals(db.internalHostname(), ready.getStatus().internalHost);
    assertEquals(db.externalPort, ready.getStatus().externalPort);
    String statusJson = Serialization.asJson(ready.getStatus());
    assertFalse(statusJson.contains(db.dbPassword), "no password in status");
    assertEquals(1, tenant.calls("POST /databases"));
  }

  @Test
  void valkeyAndPostgresWithExtensionsAreCreatedOnTheClusterAndSizeNamed() {
    Tenant tenant = harness.tenant();
    KinstaDatabase cache = postgres("valkey");
    cache.getSpec().type = DatabaseType.VALKEY;
    cache.getSpec().version = "8";
    cache.getSpec().user = null;
    cache.getSpec().location = "Frankfurt, Germany";
    cache.getSpec().size = "db2";
    tenant.create(cache);
    KinstaDatabase vectors = postgres("vectors");
    vectors.getSpec().extensions = new KinstaDatabaseSpec.Extensions();
    vectors.getSpec().extensions.vector = true;
    tenant.create(vectors);

    KinstaDatabase valkey = awaitReady(tenant, "valkey");
    assertEquals("europe-west3", valkey.getStatus().location);
    assertEquals("db2", valkey.getStatus().size);
    assertTrue(
        value(tenant.get(Secret.class, "valkey-connection"), "url").startsWith("redis://default:"));
    awaitReady(tenant, "vectors");
    assertEquals(2, tenant.calls("POST /databases"));
    assertTrue(
        tenant.calls("GET /resources/clusters") <= 2,
        "reference data read once per company (twice at most when both look at once)");
  }

  @Test
  void anUnknownSizeStallsNamingTheChoicesWithoutWrites() {
    Tenant tenant = harness.tenant();
    KinstaDatabase huge = postgres("huge");
    huge.getSpec().size = "db42";
    tenant.create(huge);

    KinstaDatabase stalled =
        tenant.awaitCondition(
            KinstaDatabase.class,
            "huge",
            "Stalled",
            "True",
            Reasons.INVALID_SPEC.code(),
            Duration.ofSeconds(20));
    String message = OperatorHarness.Tenant.conditions(stalled).get(2).getMessage();
    assertTrue(message.contains("spec.size") && message.contains("db1, db2"), message);
    assertEquals(0, tenant.writes());
  }

  @Test
  void redisHasNoUserAndGetsARedisUrl() {
    Tenant tenant = harness.tenant();
    KinstaDatabase cache = postgres("cache");
    cache.getSpec().type = DatabaseType.REDIS;
    cache.getSpec().version = "7.2";
    cache.getSpec().user = null;
    cache.getSpec().connectionSecretName = "cache-redis";
    tenant.create(cache);

    awaitReady(tenant, "cache");

    Secret secret = tenant.get(Secret.class, "cache-redis");
    assertTrue(value(secret, "url").startsWith("redis://default:"), value(secret, "type"));
  }

  @Test
  void resizesAndRenamesWithOneUpdateEach() {
    Tenant tenant = harness.tenant();
    tenant.create(postgres("grow"));
    String id = awaitReady(tenant, "grow").getStatus().databaseId;

    tenant.edit(KinstaDatabase.class, "grow", db -> db.getSpec().size = "db3");
    tenant.awaitCondition(
        KinstaDatabase.class, "grow", "Ready", "True", null, Duration.ofSeconds(30));

    assertEquals("db3", inKinsta(id).resourceType);
    assertEquals(1, tenant.calls("PATCH /databases/{id}"));
    assertEquals("db3", tenant.get(KinstaDatabase.class, "grow").getStatus().size);

    tenant.edit(KinstaDatabase.class, "grow", db -> db.getSpec().displayName = "Bigger orders");
    tenant.awaitCondition(
        KinstaDatabase.class, "grow", "Ready", "True", null, Duration.ofSeconds(30));
    assertEquals("Bigger orders", inKinsta(id).displayName);
    assertEquals(2, tenant.calls("PATCH /databases/{id}"));
  }

  @Test
  void aSecretHoldingTheApiKeyIsNeverAPasswordSource() {
    Tenant tenant = harness.tenant();
    KinstaDatabase sameSecret = postgres("leaky");
    sameSecret.getSpec().passwordSecretRef = new SecretKeyReference("kinsta", "apiKey");
    tenant.create(sameSecret);
    tenant.secret("copied-credentials", Map.of("apiKey", tenant.apiKey, "password", "pw-1234567"));
    KinstaDatabase otherSecret = postgres("leaky-too");
    otherSecret.getSpec().passwordSecretRef =
        new SecretKeyReference("copied-credentials", "password");
    tenant.create(otherSecret);

    for (String name : List.of("leaky", "leaky-too")) {
      KinstaDatabase stalled =
          tenant.awaitCondition(
              KinstaDatabase.class,
              name,
              "Stalled",
              "True",
              Reasons.SECRET_MISUSED.code(),
              Duration.ofSeconds(20));
      String message = OperatorHarness.Tenant.conditions(stalled).get(0).getMessage();
      assertTrue(message.contains("spec.passwordSecretRef"), message);
      assertFalse(message.contains(tenant.apiKey), message);
    }
    assertEquals(0, tenant.calls(), "no Kinsta call, not even the key's validation");
    assertNull(tenant.get(Secret.class, "leaky-connection"), "nothing copied anywhere");
  }

  @Test
  void aChangedPasswordSecretChangesTheDatabasePasswordOnce() {
    Tenant tenant = harness.tenant();
    tenant.secret("orders-password", Map.of("password", "first-Passw0rd-123"));
    KinstaDatabase db = postgres("rotating");
    db.getSpec().passwordSecretRef = new SecretKeyReference("orders-password", "password");
    tenant.create(db);
    String id = awaitReady(tenant, "rotating").getStatus().databaseId;
    assertEquals("first-Passw0rd-123", inKinsta(id).dbPassword);
    assertEquals(0, tenant.calls("POST /databases/{id}/reset-password"), "created with it");

    tenant.secret("orders-password", Map.of("password", "second-Passw0rd-456"));

    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () ->
                "second-Passw0rd-456"
                    .equals(value(tenant.get(Secret.class, "rotating-connection"), "password")));
    assertEquals("second-Passw0rd-456", inKinsta(id).dbPassword, "Sevalla has the new one");
    awaitReady(tenant, "rotating");
    assertEquals(1, tenant.calls("POST /databases/{id}/reset-password"), "reset exactly once");
    assertTrue(tenant.events().stream().anyMatch(e -> "PasswordChanged".equals(e.getReason())));
  }

  @Test
  void adoptsByIdAndByNameAndRetainsThemOnDeletion() {
    Tenant tenant = harness.tenant();
    String byId =
        harness.kinsta.simulator.seedDatabase(tenant.companyId(), "Legacy orders", "postgresql");
    String byNameId =
        harness.kinsta.simulator.seedDatabase(tenant.companyId(), "Legacy cache", "redis");
    String name = inKinsta(byNameId).name;
    KinstaDatabase first = adopted("legacy-orders");
    first.getSpec().adopt.id = byId;
    KinstaDatabase second = adopted("legacy-cache");
    second.getSpec().adopt.name = name;
    tenant.create(first);
    tenant.create(second);

    assertEquals(byId, awaitReady(tenant, "legacy-orders").getStatus().databaseId);
    assertEquals(byNameId, awaitReady(tenant, "legacy-cache").getStatus().databaseId);
    assertEquals(
        "Legacy orders", inKinsta(byId).displayName, "an adopted database keeps its display name");
    assertEquals(0, tenant.calls("POST /databases") + tenant.calls("PATCH /databases/{id}"));

    tenant.delete(KinstaDatabase.class, "legacy-orders");
    tenant.awaitGone(KinstaDatabase.class, "legacy-orders", Duration.ofSeconds(20));
    assertNotNull(inKinsta(byId), "adopted databases are retained by default");
    assertEquals(0, tenant.calls("DELETE /databases/{id}"));
  }

  @Test
  void adoptingAMissingDatabaseStalls() {
    Tenant tenant = harness.tenant();
    KinstaDatabase db = adopted("ghost");
    db.getSpec().adopt.name = "no-such-database";
    tenant.create(db);

    KinstaDatabase stalled =
        tenant.awaitCondition(
            KinstaDatabase.class,
            "ghost",
            "Stalled",
            "True",
            "DatabaseNotFound",
            Duration.ofSeconds(20));
    assertTrue(
        OperatorHarness.Tenant.conditions(stalled)
            .get(2)
            .getMessage()
            .contains("no-such-database"));
  }

  @Test
  void deletesTheDatabaseAndWaitsUntilKinstaHasDoneIt() {
    Tenant tenant = harness.tenant();
    tenant.create(postgres("temporary"));
    String id = awaitReady(tenant, "temporary").getStatus().databaseId;

    tenant.delete(KinstaDatabase.class, "temporary");

    tenant.awaitGone(KinstaDatabase.class, "temporary", Duration.ofSeconds(30));
    assertNull(inKinsta(id), "gone from Kinsta before the finalizer went");
    assertEquals(1, tenant.calls("DELETE /databases/{id}"));
    // The API server's garbage collector removes the connection Secret the database owned. It
    // discovers new resource types every 30 s, so right after the CRDs are installed it can take
    // that long before it watches KinstaDatabases at all.
    tenant.awaitGone(Secret.class, "temporary-connection", Duration.ofSeconds(90));
  }

  @Test
  void keepsTheDatabaseWithPolicyRetain() {
    Tenant tenant = harness.tenant();
    KinstaDatabase db = postgres("kept");
    db.getSpec().deletionPolicy = DeletionPolicy.Retain;
    tenant.create(db);
    String id = awaitReady(tenant, "kept").getStatus().databaseId;

    tenant.delete(KinstaDatabase.class, "kept");

    tenant.awaitGone(KinstaDatabase.class, "kept", Duration.ofSeconds(20));
    assertNotNull(inKinsta(id));
    assertEquals(0, tenant.calls("DELETE /databases/{id}"));
  }

  @Test
  void aFailedCreationStallsWithoutRetrying() {
    Tenant tenant = harness.tenant();
    harness.kinsta.simulator.addFault(Fault.failOperation("POST /databases", "no capacity", 1));
    tenant.create(postgres("broken"));

    tenant.awaitCondition(
        KinstaDatabase.class,
        "broken",
        "Stalled",
        "True",
        "DatabaseFailed",
        Duration.ofSeconds(20));
    assertEquals(1, tenant.calls("POST /databases"));
  }

  @Test
  void aSpecTheSchemaWouldRejectNamesTheFieldAndMakesNoCall() {
    try (OperatorHarness unenforced = withoutSchemaEnforcement()) {
      Tenant tenant = unenforced.tenant();
      KinstaDatabase db = postgres("no-user");
      db.getSpec().user = null;
      tenant.create(db);

      KinstaDatabase stalled =
          tenant.awaitCondition(
              KinstaDatabase.class,
              "no-user",
              "Stalled",
              "True",
              Reasons.INVALID_SPEC.code(),
              Duration.ofSeconds(20));
      assertTrue(
          OperatorHarness.Tenant.conditions(stalled).get(2).getMessage().contains("spec.user"));
      assertEquals(0, tenant.calls());
    }
  }

  private static KinstaDatabase adopted(String name) {
    KinstaDatabase db = new KinstaDatabase();
    db.setMetadata(new ObjectMetaBuilder().withName(name).build());
    db.setSpec(new KinstaDatabaseSpec());
    db.getSpec().credentialsRef = new CredentialsReference("kinsta");
    db.getSpec().adopt = new KinstaDatabaseSpec.DatabaseAdoption();
    return db;
  }

  @Test
  void externalConnectionIpRestrictionAndSuspensionFollowTheSpec() {
    Tenant tenant = harness.tenant();
    KinstaDatabase db = postgres("ledger");
    db.getSpec().externalConnection = false;
    db.getSpec().ipRestriction = new IpRestriction();
    db.getSpec().ipRestriction.type = IpRestriction.Mode.ALLOW;
    db.getSpec().ipRestriction.ips = List.of("203.0.113.10");
    tenant.create(db);

    KinstaDatabase ready = awaitReady(tenant, "ledger");
    String id = ready.getStatus().databaseId;
    assertFalse(inKinsta(id).externalConnection);
    assertNull(ready.getStatus().externalHost, "no external host while it is off");
    assertTrue(inKinsta(id).ipRestriction.enabled);
    assertEquals(List.of("203.0.113.10"), inKinsta(id).ipRestriction.ips);
    assertEquals(1, tenant.calls("POST /databases/{id}/external-connection/toggle"));
    assertEquals(1, tenant.calls("PUT /databases/{id}/ip-restriction"));

    harness.kinsta.simulator.mutate(
        state -> {
          state.databases.get(id).ipRestriction.type = "deny";
        });
    tenant.requestReconcile(KinstaDatabase.class, "ledger", "drift-1");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "allow".equals(inKinsta(id).ipRestriction.type));

    tenant.edit(
        KinstaDatabase.class,
        "ledger",
        d -> {
          d.getSpec().externalConnection = true;
          d.getSpec().ipRestriction = null;
          d.getSpec().suspended = true;
        });
    KinstaDatabase changed = awaitReady(tenant, "ledger");
    assertTrue(inKinsta(id).externalConnection);
    assertFalse(inKinsta(id).ipRestriction.enabled);
    assertTrue(inKinsta(id).suspended);
    assertEquals(Boolean.TRUE, changed.getStatus().suspended);
    assertNull(changed.getStatus().ipRestrictionManaged);
    assertEquals(2, tenant.calls("POST /databases/{id}/external-connection/toggle"));
    assertEquals(3, tenant.calls("PUT /databases/{id}/ip-restriction"));
    assertEquals(1, tenant.calls("POST /databases/{id}/suspend"));
  }
}
