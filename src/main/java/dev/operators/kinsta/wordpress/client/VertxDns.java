package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.wordpress.client.dto.DnsRecord;
import dev.operators.kinsta.wordpress.client.dto.DnsZone;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Dns} over the Vert.x transport. */
final class VertxDns extends KinstaEndpoints implements Dns {
  VertxDns(KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    super(transport, credentials, reporting);
  }

  @Override
  public List<DnsZone> listDnsZones() {
    return readList(
        KinstaRequest.get("/domains").query("company", credentials.companyId()),
        "/company/domains",
        DnsZone.class);
  }

  @Override
  public List<DnsRecord> listDnsRecords(String domainId) {
    return readList(
        KinstaRequest.get("/domains/{domain_id}/dns-records", domainId),
        "/domain/dns_records",
        DnsRecord.class);
  }

  @Override
  public OperationRef createDnsRecord(String domainId, DnsRecord record) {
    return operation(KinstaRequest.post("/domains/{domain_id}/dns-records", domainId).body(record));
  }

  @Override
  public OperationRef updateDnsRecord(
      String domainId,
      String type,
      String name,
      int ttl,
      List<String> added,
      List<String> removed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("name", name);
    body.put("ttl", ttl);
    body.put("new_resource_records", added.stream().map(DnsRecord.Value::new).toList());
    body.put("removed_resource_records", removed.stream().map(DnsRecord.Value::new).toList());
    return operation(KinstaRequest.put("/domains/{domain_id}/dns-records", domainId).body(body));
  }

  @Override
  public OperationRef deleteDnsRecord(String domainId, String type, String name) {
    return operation(
        KinstaRequest.delete("/domains/{domain_id}/dns-records", domainId)
            .body(Map.of("type", type, "name", name)));
  }
}
