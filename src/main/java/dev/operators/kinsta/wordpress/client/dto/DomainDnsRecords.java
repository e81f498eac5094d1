package dev.operators.kinsta.wordpress.client.dto;

import java.util.List;

/**
 * What a site domain needs in its DNS, from {@code GET
 * /sites/environments/domains/{site_domain_id}/verification-records}: the records that prove
 * ownership (for the certificate) and the records that point the domain at the site.
 */
public record DomainDnsRecords(List<Entry> verificationRecords, List<Entry> pointingRecords) {

  /** One record to publish: its type, name and value. */
  public record Entry(String type, String name, String value) {}

  public List<Entry> verificationOrEmpty() {
    return verificationRecords == null ? List.of() : verificationRecords;
  }

  public List<Entry> pointingOrEmpty() {
    return pointingRecords == null ? List.of() : pointingRecords;
  }
}
