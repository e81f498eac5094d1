package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.wordpress.client.dto.DnsRecord;
import dev.operators.kinsta.wordpress.client.dto.DnsZone;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import java.util.List;

/** The Kinsta API's calls on Kinsta DNS: zones and their record sets. */
public interface Dns {
  /** {@code GET /domains?company=}: the company's zones in Kinsta DNS. */
  List<DnsZone> listDnsZones();

  /** {@code GET /domains/{domain_id}/dns-records}. */
  List<DnsRecord> listDnsRecords(String domainId);

  /** {@code POST /domains/{domain_id}/dns-records}: a new record set (type and name). */
  OperationRef createDnsRecord(String domainId, DnsRecord record);

  /**
   * {@code PUT /domains/{domain_id}/dns-records}: the record set of that type and name, its TTL and
   * the values to add and to remove.
   */
  OperationRef updateDnsRecord(
      String domainId, String type, String name, int ttl, List<String> added, List<String> removed);

  /** {@code DELETE /domains/{domain_id}/dns-records} (type and name in the body). */
  OperationRef deleteDnsRecord(String domainId, String type, String name);
}
