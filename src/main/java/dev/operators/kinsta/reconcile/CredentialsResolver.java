package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.client.KinstaClients;
import dev.operators.kinsta.transport.ApiKey;
import dev.operators.kinsta.transport.KinstaApiException;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.wordpress.client.dto.ApiKeyInfo;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Turns a credentials Secret into {@link KinstaCredentials}. Results are cached by the Secret's uid
 * and its key and company, never by name, so a rotated key is used at once. {@code GET /validate}
 * runs once per key in the Secret: it finds the company when the Secret does not name it, catches a
 * revoked key before any other call, and tells when the key expires (a metric). It is charged to
 * the company's budget, and only one is in flight per Secret content.
 */
public final class CredentialsResolver {
  public static final String API_KEY = "apiKey";
  public static final String COMPANY_ID = "companyId";

  /** Usable credentials and the Secret version they came from. */
  public record Resolved(KinstaCredentials credentials, String secretVersion) {}

  /** Told what {@code GET /validate} said of a key, for the key-expiry metric. */
  public interface KeyObserver {
    KeyObserver NONE = (company, expiry) -> {};

    void validated(String company, Optional<Instant> expiry);
  }

  private final KinstaClients clients;
  private final KeyObserver observer;
  private final Map<String, KinstaCredentials> byVersion = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<KinstaCredentials>> inFlight =
      new ConcurrentHashMap<>();

  public CredentialsResolver(KinstaClients clients) {
    this(clients, KeyObserver.NONE);
  }

  public CredentialsResolver(KinstaClients clients, KeyObserver observer) {
    this.clients = clients;
    this.observer = observer;
  }

  public Resolved resolve(SecretLookup secrets, String namespace, String secretName)
      throws CredentialsProblem {
    Secret secret =
        secrets
            .find(namespace, secretName)
            .orElseThrow(
                () ->
                    new CredentialsProblem(
                        Reasons.CREDENTIALS_NOT_FOUND,
                        "Secret " + namespace + "/" + secretName + " does not exist",
                        null));
    String version = secret.getMetadata().getResourceVersion();
    String key =
        SecretLookup.value(secret, API_KEY)
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .orElseThrow(
                () ->
                    new CredentialsProblem(
                        Reasons.CREDENTIALS_NOT_FOUND,
                        "Secret " + namespace + "/" + secretName + " has no key " + API_KEY,
                        version));
    String company =
        SecretLookup.value(secret, COMPANY_ID)
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .orElse(null);
    // Keyed by what the Secret says, not its resourceVersion: a label or finalizer added is no new
    // key to check.
    String cacheKey = secret.getMetadata().getUid() + "@" + fingerprint(key + "\n" + company);
    KinstaCredentials cached = byVersion.get(cacheKey);
    if (cached != null) {
      return new Resolved(cached, version);
    }
    // One validation in flight per Secret content: resources that share the Secret wait for its
    // answer instead of each asking Kinsta (a restart would otherwise send one per resource).
    CompletableFuture<KinstaCredentials> mine = new CompletableFuture<>();
    CompletableFuture<KinstaCredentials> running = inFlight.putIfAbsent(cacheKey, mine);
    if (running != null) {
      return new Resolved(awaitValidation(running), version);
    }
    try {
      ApiKey apiKey = ApiKey.of(key);
      KinstaCredentials credentials =
          new KinstaCredentials(apiKey, validate(apiKey, company, namespace, secretName, version));
      byVersion.keySet().removeIf(k -> k.startsWith(secret.getMetadata().getUid() + "@"));
      byVersion.put(cacheKey, credentials);
      mine.complete(credentials);
      return new Resolved(credentials, version);
    } catch (CredentialsProblem | RuntimeException failed) {
      mine.completeExceptionally(failed);
      throw failed;
    } finally {
      inFlight.remove(cacheKey, mine);
    }
  }

  private static KinstaCredentials awaitValidation(CompletableFuture<KinstaCredentials> running)
      throws CredentialsProblem {
    try {
      return running.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the API key was being validated");
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof CredentialsProblem problem) {
        throw problem;
      }
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(failed.getCause());
    }
  }

  private static String fingerprint(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * The key's company: the Secret's {@code companyId} when it has one, else the one Kinsta names.
   */
  private String validate(
      ApiKey apiKey,
      @Nullable String declaredCompany,
      String namespace,
      String secretName,
      String version)
      throws CredentialsProblem {
    ApiKeyInfo info;
    try {
      info = clients.validate(apiKey, declaredCompany);
    } catch (KinstaApiException.Unauthorized | KinstaApiException.Forbidden rejected) {
      throw new CredentialsProblem(
          Reasons.INVALID_CREDENTIALS,
          "Kinsta rejected the API key in Secret "
              + namespace
              + "/"
              + secretName
              + " ("
              + rejected.httpStatus()
              + ")",
          version);
    } catch (KinstaApiException unavailable) {
      if (declaredCompany != null && unavailable.isRetriable()) {
        return declaredCompany; // the check is a courtesy when the company is known; Kinsta's
        // outage is not ours
      }
      throw unavailable;
    }
    if (declaredCompany != null
        && info.company() != null
        && !info.company().isBlank()
        && !declaredCompany.equals(info.company())) {
      throw new CredentialsProblem(
          Reasons.CREDENTIALS_MISMATCH,
          "Secret "
              + namespace
              + "/"
              + secretName
              + " names company "
              + declaredCompany
              + ", but its API key belongs to company "
              + info.company()
              + "; correct companyId (or remove it to use the key's company)",
          version);
    }
    String company = declaredCompany != null ? declaredCompany : info.company();
    if (company == null || company.isBlank()) {
      throw new CredentialsProblem(
          Reasons.INVALID_CREDENTIALS,
          "Kinsta did not name the company of the API key in "
              + "Secret "
              + namespace
              + "/"
              + secretName
              + "; add its companyId to the Secret",
          version);
    }
    observer.validated(company, info.expiry());
    return company;
  }
}
