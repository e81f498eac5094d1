package dev.operators.kinsta.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chart in {@code helm/kinsta-operator}, rendered with the embedded Helm library. */
final class Chart {
  static final Path DIRECTORY = Path.of("helm", "kinsta-operator");
  static final String NAMESPACE = "kinsta-system";

  private Chart() {}

  /** Renders the chart with {@code --set}-style values. */
  static List<HasMetadata> render(Map<String, Object> values) {
    return render("kinsta", NAMESPACE, values);
  }

  /** Renders the chart as release {@code release} in {@code namespace}. */
  static List<HasMetadata> render(String release, String namespace, Map<String, Object> values) {
    TemplateCommand template =
        new Helm(DIRECTORY)
            .template()
            .withName(release)
            .withNamespace(namespace)
            .withKubeVersion("1.37.2");
    values.forEach(template::set);
    String yaml = template.call();
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
        Object parsed = Serialization.unmarshal(document);
        if (parsed instanceof KubernetesList list) {
          objects.addAll(list.getItems());
        } else if (parsed instanceof HasMetadata object) {
          objects.add(object);
        }
      }
    }
    return objects;
  }

  static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends HasMetadata> Optional<T> one(List<HasMetadata> objects, Class<T> type) {
    List<T> found = all(objects, type);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  static boolean allows(List<PolicyRule> rules, String group, String resource, String verb) {
    return rules.stream()
        .anyMatch(
            rule ->
                rule.getApiGroups().contains(group)
                    && rule.getResources().contains(resource)
                    && rule.getVerbs().contains(verb));
  }
}
