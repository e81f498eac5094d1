package dev.operators.kinsta.wordpress.client.dto;

/** A site's usage this month, as {@code GET /sites/{site_id}/usage/…/this-month} reports it. */
public enum SiteUsage {
  VISITS("visits", "/site/this_month_usage/visits"),
  BANDWIDTH("bandwidth", "/site/this_month_usage/bandwidth"),
  CDN_BANDWIDTH("cdn-bandwidth", "/site/this_month_cdn_usage/bandwidth");

  /** The path segment after {@code usage/}. */
  public final String path;

  /** Where the number is in the answer. */
  public final String pointer;

  SiteUsage(String path, String pointer) {
    this.path = path;
    this.pointer = pointer;
  }
}
