package dev.operators.kinsta.wordpress.client.dto;

/** {@code POST /sites}: a new site with WordPress installed. */
public record CreateSiteRequest(
    String company,
    String displayName,
    String region,
    String installMode,
    String adminEmail,
    String adminPassword,
    String adminUser,
    String siteTitle,
    String wpLanguage,
    Boolean isMultisite,
    Boolean isSubdomainMultisite,
    Boolean woocommerce,
    Boolean wordpressseo) {

  @Override
  public String toString() {
    return "CreateSiteRequest[company="
        + company
        + ", displayName="
        + displayName
        + ", region="
        + region
        + ", adminUser="
        + adminUser
        + ", adminPassword=***]";
  }
}
