package dev.operators.kinsta.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.operators.kinsta.simulator.KinstaSimulator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The manifests of a directory (every {@code *.yaml} / {@code *.yml}, in file-name order,
 * multi-document), and what local mode does with them: seed the simulator with the company and
 * existing sites and DNS zones they refer to, then apply them as {@code kubectl apply} would.
 */
public final class ExampleSet {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String KINSTA_GROUP = "kinsta.operators.dev/";

  private final List<JsonNode> documents;

  private ExampleSet(List<JsonNode> documents) {
    this.documents = documents;
  }

  public static ExampleSet load(Path directory) {
    List<JsonNode> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .toList()) {
        try (MappingIterator<JsonNode> docs =
            YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (docs.hasNext()) {
            JsonNode doc = docs.next();
            if (doc != null && doc.isObject() && doc.has("kind")) {
              documents.add(doc);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read examples from " + directory, e);
    }
    return new ExampleSet(documents);
  }

  public List<JsonNode> documents() {
    return documents;
  }

  /** The Kinsta custom resources among the documents. */
  public List<JsonNode> kinstaResources() {
    return documents.stream()
        .filter(d -> d.path("apiVersion").asText().startsWith(KINSTA_GROUP))
        .toList();
  }

  /**
   * Makes the simulator the company the examples describe: the companies and keys of their
   * credentials Secrets, the sites they adopt by id, the environments they clone from, the
   * applications they adopt and the Kinsta DNS zones their records are in.
   */
  public void seed(KinstaSimulator simulator) {
    for (JsonNode doc : documents) {
      if (!"Secret".equals(doc.path("kind").asText())) {
        continue;
      }
      String apiKey = secretValue(doc, "apiKey");
      String companyId = secretValue(doc, "companyId");
      if (apiKey == null || companyId == null) {
        continue;
      }
      boolean known = simulator.read(state -> state.companies.containsKey(companyId));
      if (known) {
        simulator.addApiKey(companyId, apiKey);
      } else {
        simulator.addCompany("Local demo agency", companyId, apiKey);
      }
    }
    for (JsonNode app : documents) {
      JsonNode adopt = app.path("spec").path("adopt");
      String companyId =
          "KinstaApplication".equals(app.path("kind").asText()) ? companyOf(app) : null;
      if (companyId != null && !adopt.isMissingNode() && !applicationExists(simulator, adopt)) {
        String id = adopt.path("id").asText(java.util.UUID.randomUUID().toString());
        String name =
            adopt.path("name").asText(app.path("metadata").path("name").asText() + "-app");
        simulator.seedApplication(
            companyId, app.path("spec").path("displayName").asText(name), id, name);
      }
    }
    for (JsonNode staticSite : documents) {
      String name = staticSite.path("spec").path("adopt").path("name").asText("");
      String companyId =
          "KinstaStaticSite".equals(staticSite.path("kind").asText())
              ? companyOf(staticSite)
              : null;
      if (companyId != null
          && !name.isEmpty()
          && simulator.read(
              state -> state.staticSites.values().stream().noneMatch(s -> s.name.equals(name)))) {
        simulator.seedStaticSite(companyId, name);
      }
    }
    for (JsonNode record : documents) {
      String domain = record.path("spec").path("domain").asText("");
      String companyId =
          "KinstaDnsRecord".equals(record.path("kind").asText()) ? companyOf(record) : null;
      if (companyId != null && !domain.isEmpty() && !zoneExists(simulator, companyId, domain)) {
        simulator.seedDnsZone(companyId, domain);
      }
    }
    for (JsonNode site : documents) {
      if (!"KinstaSite".equals(site.path("kind").asText())) {
        continue;
      }
      String companyId = companyOf(site);
      JsonNode spec = site.path("spec");
      if (companyId == null) {
        continue;
      }
      if (spec.hasNonNull("siteId") && !siteExists(simulator, spec.path("siteId").asText())) {
        String name = spec.path("displayName").asText(site.path("metadata").path("name").asText());
        simulator.seedSite(
            companyId, name, spec.path("siteId").asText(), java.util.UUID.randomUUID().toString());
      }
      String source = spec.path("clone").path("sourceEnvironmentId").asText("");
      if (!source.isEmpty() && !environmentExists(simulator, source)) {
        simulator.seedSite(
            companyId,
            "Template for " + site.path("metadata").path("name").asText(),
            java.util.UUID.randomUUID().toString(),
            source);
      }
    }
  }

  /**
   * Creates or updates every document, namespaces first (file order), as {@code kubectl apply}
   * would.
   */
  public void apply(KubernetesClient client) {
    for (JsonNode doc : documents) {
      JsonNode manifest =
          "Secret".equals(doc.path("kind").asText()) ? withEncodedStringData(doc) : doc;
      GenericKubernetesResource resource =
          Serialization.jsonMapper().convertValue(manifest, GenericKubernetesResource.class);
      client.resource(resource).createOr(NonDeletingOperation::update);
    }
  }

  private String companyOf(JsonNode site) {
    String namespace = site.path("metadata").path("namespace").asText("default");
    String secretName = site.path("spec").path("credentialsRef").path("name").asText();
    for (JsonNode doc : documents) {
      if ("Secret".equals(doc.path("kind").asText())
          && secretName.equals(doc.path("metadata").path("name").asText())
          && namespace.equals(doc.path("metadata").path("namespace").asText("default"))) {
        return secretValue(doc, "companyId");
      }
    }
    return null;
  }

  private static boolean applicationExists(KinstaSimulator simulator, JsonNode adopt) {
    return simulator.read(
        state ->
            state.applications.values().stream()
                .anyMatch(
                    a ->
                        a.id.equals(adopt.path("id").asText())
                            || a.name.equals(adopt.path("name").asText())));
  }

  private static boolean zoneExists(KinstaSimulator simulator, String companyId, String domain) {
    return simulator.read(
        state ->
            state.dnsZones.values().stream()
                .anyMatch(zone -> zone.companyId.equals(companyId) && zone.name.equals(domain)));
  }

  private static boolean siteExists(KinstaSimulator simulator, String siteId) {
    return simulator.read(state -> state.sites.containsKey(siteId));
  }

  private static boolean environmentExists(KinstaSimulator simulator, String environmentId) {
    return simulator.read(
        state ->
            state.sites.values().stream()
                .flatMap(s -> s.environments.stream())
                .anyMatch(e -> e.id.equals(environmentId)));
  }

  private static String secretValue(JsonNode secret, String key) {
    JsonNode plain = secret.path("stringData").path(key);
    if (plain.isTextual()) {
      return plain.asText();
    }
    JsonNode encoded = secret.path("data").path(key);
    return encoded.isTextual()
        ? new String(Base64.getDecoder().decode(encoded.asText()), StandardCharsets.UTF_8)
        : null;
  }

  /**
   * What the API server does on write: {@code stringData} is merged into {@code data},
   * base64-encoded.
   */
  private static JsonNode withEncodedStringData(JsonNode secret) {
    ObjectNode copy = secret.deepCopy();
    JsonNode plain = copy.remove("stringData");
    if (plain == null) {
      return copy;
    }
    ObjectNode data = copy.has("data") ? (ObjectNode) copy.get("data") : copy.putObject("data");
    Iterator<Map.Entry<String, JsonNode>> fields = plain.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      data.put(
          field.getKey(),
          Base64.getEncoder()
              .encodeToString(field.getValue().asText().getBytes(StandardCharsets.UTF_8)));
    }
    return copy;
  }
}
