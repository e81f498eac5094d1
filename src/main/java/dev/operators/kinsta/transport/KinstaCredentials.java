package dev.operators.kinsta.transport;

import java.util.Objects;

/**
 * What a Kinsta call is made with: the API key and the company it belongs to. The company id also
 * names the rate budget the call is charged to, since Kinsta limits requests per company.
 */
public record KinstaCredentials(ApiKey apiKey, String companyId) {
  public KinstaCredentials {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(companyId, "companyId");
  }
}
