package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.client.ApiKey;
import dev.operators.kinsta.client.KinstaApiException;
import dev.operators.kinsta.client.KinstaClients;
import dev.operators.kinsta.client.KinstaCredentials;
import dev.operators.kinsta.client.dto.ApiKeyInfo;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a credentials Secret into {@link KinstaCredentials}. Results are cached by the Secret's uid and
 * resourceVersion, never by name, so a rotated key is used at once and {@code GET /validate} (needed when the
 * Secret has no {@code companyId}) runs once per version of the Secret.
 */
public final class CredentialsResolver {
  public static final String API_KEY = "apiKey";
  public static final String COMPANY_ID = "companyId";

  /** Usable credentials and the Secret version they came from. */
  public record Resolved(KinstaCredentials credentials, String secretVersion) {
  }

  private final KinstaClients clients;
  private final Map<String, KinstaCredentials> byVersion = new ConcurrentHashMap<>();

  public CredentialsResolver(KinstaClients clients) {
    this.clients = clients;
  }

  public Resolved resolve(SecretLookup secrets, String namespace, String secretName) throws CredentialsProblem {
    Secret secret = secrets.find(namespace, secretName).orElseThrow(() -> new CredentialsProblem(
        Reasons.CREDENTIALS_NOT_FOUND, "Secret " + namespace + "/" + secretName + " does not exist", null));
    String version = secret.getMetadata().getResourceVersion();
    String cacheKey = secret.getMetadata().getUid() + "@" + version;
    KinstaCredentials cached = byVersion.get(cacheKey);
    if (cached != null) {
      return new Resolved(cached, version);
    }
    String key = SecretLookup.value(secret, API_KEY).map(String::strip).filter(v -> !v.isEmpty())
        .orElseThrow(() -> new CredentialsProblem(Reasons.CREDENTIALS_NOT_FOUND,
            "Secret " + namespace + "/" + secretName + " has no key " + API_KEY, version));
    ApiKey apiKey = ApiKey.of(key);
    String company = SecretLookup.value(secret, COMPANY_ID).map(String::strip).filter(v -> !v.isEmpty())
        .orElse(null);
    if (company == null) {
      company = discoverCompany(apiKey, namespace, secretName, version);
    }
    KinstaCredentials credentials = new KinstaCredentials(apiKey, company);
    byVersion.keySet().removeIf(k -> k.startsWith(secret.getMetadata().getUid() + "@"));
    byVersion.put(cacheKey, credentials);
    return new Resolved(credentials, version);
  }

  private String discoverCompany(ApiKey apiKey, String namespace, String secretName, String version)
      throws CredentialsProblem {
    try {
      ApiKeyInfo info = clients.validate(apiKey);
      if (info.company() == null || info.company().isBlank()) {
        throw new CredentialsProblem(Reasons.INVALID_CREDENTIALS, "Kinsta did not name the company of the API key in "
            + "Secret " + namespace + "/" + secretName + "; add its companyId to the Secret", version);
      }
      return info.company();
    } catch (KinstaApiException.Unauthorized | KinstaApiException.Forbidden rejected) {
      throw new CredentialsProblem(Reasons.INVALID_CREDENTIALS, "Kinsta rejected the API key in Secret "
          + namespace + "/" + secretName + " (" + rejected.httpStatus() + ")", version);
    }
  }
}
