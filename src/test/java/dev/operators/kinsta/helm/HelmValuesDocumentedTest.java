package dev.operators.kinsta.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.config.OperatorConfig;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README documents every Helm value and every operator setting, and nothing that does not
 * exist.
 */
class HelmValuesDocumentedTest {
  private static final Pattern FIRST_CELL_KEYS = Pattern.compile("`([^`]+)`");

  @Test
  void theHelmValuesTableMatchesValuesYaml() throws IOException {
    JsonNode values =
        Serialization.unmarshal(
            Files.readString(Chart.DIRECTORY.resolve("values.yaml")), JsonNode.class);
    List<String> leaves = new ArrayList<>();
    collectLeaves(values, "", leaves);
    Set<String> documented =
        documentedKeys("<!-- helm-values:start -->", "<!-- helm-values:end -->");

    Set<String> missing = new TreeSet<>();
    for (String leaf : leaves) {
      if (documented.stream().noneMatch(key -> leaf.equals(key) || leaf.startsWith(key + "."))) {
        missing.add(leaf);
      }
    }
    assertEquals(
        Set.of(),
        missing,
        "values.yaml keys docs/configuration.md's Helm values table does not document");
    Set<String> unknown = new TreeSet<>();
    for (String key : documented) {
      if (values.at("/" + key.replace('.', '/')).isMissingNode()) {
        unknown.add(key);
      }
    }
    assertEquals(
        Set.of(), unknown, "docs/configuration.md rows for values that values.yaml does not have");
  }

  @Test
  void theConfigurationTableListsEveryOperatorSetting() throws IOException {
    Set<String> documented = documentedKeys("## Operator settings", "");
    Set<String> settings = new TreeSet<>();
    Stream.of(OperatorConfig.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .forEach(
            f -> {
              try {
                settings.add((String) f.get(null));
              } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
              }
            });
    settings.removeIf(name -> !name.startsWith("KINSTA_"));
    assertTrue(settings.size() >= 10, settings.toString());
    Set<String> undocumented = new TreeSet<>(settings);
    undocumented.removeAll(documented);
    assertEquals(
        Set.of(),
        undocumented,
        "operator settings missing from docs/configuration.md's Configuration table");
  }

  /**
   * The keys in backticks in the first cell of each table row between two markers of
   * docs/configuration.md.
   */
  private static Set<String> documentedKeys(String from, String to) throws IOException {
    String readme = Files.readString(Path.of("docs/configuration.md"));
    int start = readme.indexOf(from);
    int end = to.isEmpty() ? readme.length() : readme.indexOf(to, start + 1);
    assertTrue(
        start >= 0 && end > start,
        "docs/configuration.md has a section from " + from + " to " + to);
    Set<String> keys = new TreeSet<>();
    for (String line : readme.substring(start, end).split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String firstCell = line.substring(1, line.indexOf('|', 1));
      Matcher key = FIRST_CELL_KEYS.matcher(firstCell);
      while (key.find()) {
        keys.add(key.group(1));
      }
    }
    return keys;
  }

  private static void collectLeaves(JsonNode node, String prefix, List<String> leaves) {
    if (node.isObject() && node.size() > 0) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        collectLeaves(
            field.getValue(),
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            leaves);
      }
    } else {
      leaves.add(prefix);
    }
  }
}
