package dev.operators.kinsta.wordpress.client.dto;

/** {@code POST /sites/{site_id}/environments}: a new environment (staging) with WordPress. */
public record CreateEnvironmentRequest(
    String displayName,
    String siteTitle,
    Boolean isPremium,
    String adminEmail,
    String adminPassword,
    String adminUser,
    String wpLanguage,
    Boolean isMultisite,
    Boolean isSubdomainMultisite,
    Boolean woocommerce,
    Boolean wordpressPluginEdd,
    Boolean wordpressseo) {

  @Override
  public String toString() {
    return "CreateEnvironmentRequest[displayName="
        + displayName
        + ", isPremium="
        + isPremium
        + ", adminUser="
        + adminUser
        + ", adminPassword=***]";
  }
}
