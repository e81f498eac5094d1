package dev.operators.kinsta.wordpress.client.dto;

import org.jspecify.annotations.Nullable;

/** {@code POST /sites/environments/{env_id}/domains}. */
public record AddDomainRequest(
    String domainName,
    @Nullable Boolean isWildcardless,
    @Nullable String customSslKey,
    @Nullable String customSslCert) {

  public static AddDomainRequest of(String domainName) {
    return new AddDomainRequest(domainName, null, null, null);
  }

  @Override
  public String toString() {
    return "AddDomainRequest[domainName="
        + domainName
        + ", customSslKey="
        + (customSslKey == null ? null : "***")
        + "]";
  }
}
