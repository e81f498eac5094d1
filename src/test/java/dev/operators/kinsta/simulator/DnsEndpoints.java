package dev.operators.kinsta.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.simulator.Exchange.Handler;
import dev.operators.kinsta.simulator.Exchange.Reply;
import dev.operators.kinsta.simulator.SimulatorState.DnsRecord;
import dev.operators.kinsta.simulator.SimulatorState.DnsZone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Kinsta DNS: the company's zones ({@code GET /domains}) and each zone's records, created, changed
 * and deleted by type and name through asynchronous operations, as REFERENCE.md §9 describes.
 */
final class DnsEndpoints {
  /** The record types MyKinsta offers for a Kinsta DNS zone. */
  static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS");

  static final int MIN_TTL = 300;

  private final SimulatorState state;
  private final WordPressEndpoints.Operations operations;

  DnsEndpoints(SimulatorState state, WordPressEndpoints.Operations operations) {
    this.state = state;
    this.operations = operations;
  }

  void register(Map<String, Handler> routes) {
    routes.put("GET /domains", this::zones);
    routes.put("GET /domains/{domain_id}/dns-records", x -> inZone(x, this::records));
    routes.put("POST /domains/{domain_id}/dns-records", x -> inZone(x, zone -> create(x, zone)));
    routes.put("PUT /domains/{domain_id}/dns-records", x -> inZone(x, zone -> update(x, zone)));
    routes.put("DELETE /domains/{domain_id}/dns-records", x -> inZone(x, zone -> delete(x, zone)));
  }

  private Reply zones(Exchange x) {
    if (!x.company.equals(x.query.get("company"))) {
      return Reply.notFound();
    }
    ObjectNode body = Exchange.object();
    ArrayNode domains = body.putObject("company").putArray("domains");
    for (DnsZone zone : state.dnsZones.values()) {
      if (zone.companyId.equals(x.company)) {
        domains
            .addObject()
            .put("id", zone.id)
            .put("name", zone.name)
            .put("site_id", zone.siteId)
            .put("is_active", zone.active);
      }
    }
    return Reply.ok(body);
  }

  private Reply records(DnsZone zone) {
    ObjectNode body = Exchange.object();
    ArrayNode records = body.putObject("domain").putArray("dns_records");
    for (DnsRecord record : zone.records) {
      ObjectNode json =
          records
              .addObject()
              .put("type", record.type)
              .put("name", record.name)
              .put("ttl", record.ttl);
      ArrayNode values = json.putArray("resource_records");
      record.values.forEach(value -> values.addObject().put("value", value));
    }
    return Reply.ok(body);
  }

  private Reply create(Exchange x, DnsZone zone) {
    String type = type(x);
    String name = x.text("name");
    int ttl = x.body.path("ttl").asInt();
    List<String> values = values(x.body.path("resource_records"));
    Reply invalid = invalid(zone, type, name, ttl, values);
    if (invalid != null) {
      return invalid;
    }
    if (zone.record(type, name).isPresent()) {
      return Reply.badRequest("A " + type + " record named " + name + " already exists");
    }
    return operations.start(
        x,
        "domains:create-dns-record",
        "Creating a domain DNS record in progress",
        () -> {
          zone.records.add(new DnsRecord(type, name, ttl, values));
          return null;
        });
  }

  private Reply update(Exchange x, DnsZone zone) {
    String type = type(x);
    String name = x.text("name");
    DnsRecord record = zone.record(type, name).orElse(null);
    if (record == null) {
      return Reply.badRequest("No " + type + " record named " + name);
    }
    int ttl = x.body.has("ttl") ? x.body.path("ttl").asInt() : record.ttl;
    List<String> added = values(x.body.path("new_resource_records"));
    List<String> removed = values(x.body.path("removed_resource_records"));
    List<String> after = new ArrayList<>(record.values);
    after.removeAll(removed);
    added.stream().filter(value -> !after.contains(value)).forEach(after::add);
    Reply invalid = invalid(zone, type, name, ttl, after);
    if (invalid != null) {
      return invalid;
    }
    return operations.start(
        x,
        "domains:update-dns-record",
        "Updating a domain DNS record in progress",
        () -> {
          record.ttl = ttl;
          record.values.clear();
          record.values.addAll(after);
          return null;
        });
  }

  private Reply delete(Exchange x, DnsZone zone) {
    String type = type(x);
    String name = x.text("name");
    if (zone.record(type, name).isEmpty()) {
      return Reply.badRequest("No " + type + " record named " + name);
    }
    return operations.start(
        x,
        "domains:delete-dns-record",
        "Deleting domain DNS record in progress",
        () -> {
          zone.records.removeIf(r -> r.type.equals(type) && r.name.equals(name));
          return null;
        });
  }

  /** Kinsta's checks: a known type, a name inside the zone, a TTL of 300 or more, a value. */
  private static Reply invalid(
      DnsZone zone, String type, String name, int ttl, List<String> values) {
    if (!TYPES.contains(type)) {
      return Reply.badRequest("Unsupported DNS record type " + type);
    }
    if (!name.equals(zone.name) && !name.endsWith("." + zone.name)) {
      return Reply.badRequest("The record name " + name + " is not in the zone " + zone.name);
    }
    if (ttl < MIN_TTL) {
      return Reply.badRequest("ttl must be at least " + MIN_TTL);
    }
    if (values.isEmpty()) {
      return Reply.badRequest("A record needs at least one value");
    }
    return null;
  }

  private static String type(Exchange x) {
    return String.valueOf(x.text("type")).toUpperCase(Locale.ROOT);
  }

  private static List<String> values(JsonNode records) {
    List<String> values = new ArrayList<>();
    records.forEach(record -> values.add(record.path("value").asText()));
    return values;
  }

  private Reply inZone(Exchange x, Function<DnsZone, Reply> action) {
    DnsZone zone = state.dnsZones.get(x.path("domain_id"));
    if (zone == null || !zone.companyId.equals(x.company)) {
      return Reply.error(404, "Domain not found");
    }
    return action.apply(zone);
  }
}
