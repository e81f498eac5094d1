package dev.operators.kinsta.wordpress.client.dto;

import java.util.List;

/**
 * A record set of a Kinsta DNS zone, as {@code GET /domains/{domain_id}/dns-records} answers it and
 * {@code POST} creates it: Kinsta keys it by type and name.
 */
public record DnsRecord(String type, String name, Integer ttl, List<Value> resourceRecords) {

  /** One value of the record (an address, a host name, a text). */
  public record Value(String value) {}

  public static DnsRecord of(String type, String name, int ttl, List<String> values) {
    return new DnsRecord(type, name, ttl, values.stream().map(Value::new).toList());
  }

  public List<String> values() {
    return resourceRecords == null
        ? List.of()
        : resourceRecords.stream().map(Value::value).toList();
  }
}
