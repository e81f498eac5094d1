package dev.operators.kinsta.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Kinsta resources of every namespace and their conditions, as a table printed whenever it
 * changes.
 */
public final class StatusBoard {
  /** One resource's line. */
  public record Row(
      String namespace, String kind, String name, String ready, String reason, String message) {
    public boolean isReady() {
      return "True".equals(ready);
    }
  }

  private final KubernetesClient client;
  private final String group;
  private String lastPrinted = "";

  public StatusBoard(KubernetesClient client, String group) {
    this.client = client;
    this.group = group;
  }

  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (CustomResourceDefinition crd :
        client.apiextensions().v1().customResourceDefinitions().list().getItems()) {
      if (!group.equals(crd.getSpec().getGroup())) {
        continue;
      }
      ResourceDefinitionContext context =
          new ResourceDefinitionContext.Builder()
              .withGroup(group)
              .withVersion(crd.getSpec().getVersions().get(0).getName())
              .withKind(crd.getSpec().getNames().getKind())
              .withPlural(crd.getSpec().getNames().getPlural())
              .withNamespaced(true)
              .build();
      for (GenericKubernetesResource resource :
          client.genericKubernetesResources(context).inAnyNamespace().list().getItems()) {
        rows.add(row(crd.getSpec().getNames().getKind(), resource));
      }
    }
    rows.sort((a, b) -> (a.namespace + a.kind + a.name).compareTo(b.namespace + b.kind + b.name));
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static Row row(String kind, GenericKubernetesResource resource) {
    Object status = resource.getAdditionalProperties().get("status");
    String ready = "Unknown";
    String reason = "Pending";
    String message = "not reconciled yet";
    if (status instanceof Map<?, ?> map && map.get("conditions") instanceof List<?> conditions) {
      for (Object item : conditions) {
        Map<String, Object> condition = (Map<String, Object>) item;
        if ("Ready".equals(condition.get("type"))) {
          ready = String.valueOf(condition.get("status"));
          reason = String.valueOf(condition.get("reason"));
          message = Objects.toString(condition.get("message"), "");
        }
      }
    }
    return new Row(
        resource.getMetadata().getNamespace(),
        kind,
        resource.getMetadata().getName(),
        ready,
        reason,
        message);
  }

  /** Prints the table if it differs from the last one printed; returns the rows. */
  public List<Row> printIfChanged(PrintStream out) {
    List<Row> rows = rows();
    // Compared without messages, which change with every
    // operation id: a line per state change is enough.
    String states =
        rows.stream()
            .map(r -> r.namespace + r.kind + r.name + r.ready + r.reason)
            .toList()
            .toString();
    if (!states.equals(lastPrinted)) {
      out.println(format(rows));
      lastPrinted = states;
    }
    return rows;
  }

  public static String format(List<Row> rows) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                "%-14s %-26s %-22s %-6s %-20s %s%n",
                "NAMESPACE", "KIND", "NAME", "READY", "REASON", "MESSAGE"));
    for (Row row : rows) {
      String message =
          row.message.length() > 80 ? row.message.substring(0, 77) + "..." : row.message;
      text.append(
          String.format(
              "%-14s %-26s %-22s %-6s %-20s %s%n",
              row.namespace, row.kind, row.name, row.ready, row.reason, message));
    }
    return text.toString();
  }
}
