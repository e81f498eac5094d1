package dev.operators.kinsta.transport;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from text that may end up in an exception, a log line or a condition: the API key
 * and every string value a request carried in a field whose name says it is secret (passwords, SSL
 * keys).
 */
final class Redactor {
  private static final String MASK = "***";
  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  static Redactor forRequest(ApiKey key, @Nullable JsonNode body) {
    return forRequest(key, body, false);
  }

  /** With {@code variableWrite}, the body's value field counts as secret too. */
  static Redactor forRequest(ApiKey key, @Nullable JsonNode body, boolean variableWrite) {
    List<String> secrets = new ArrayList<>();
    secrets.add(key.bearerToken());
    collect(body, false, secrets);
    if (variableWrite && body != null && body.path("value").isTextual()) {
      secrets.add(body.path("value").asText());
    }
    Set<String> forms = new LinkedHashSet<>();
    secrets.stream().filter(secret -> secret.length() >= 4).forEach(s -> forms.addAll(forms(s)));
    List<String> longestFirst = new ArrayList<>(forms);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(longestFirst);
  }

  /**
   * The secret as an answer may repeat it: as sent, JSON-escaped (an error quoting the request
   * body), URL-encoded (with {@code +} or {@code %20} for spaces) and in base64 (standard and
   * URL-safe, with and without padding).
   */
  private static Set<String> forms(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
    String urlEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    forms.add(urlEncoded);
    forms.add(urlEncoded.replace("+", "%20"));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    String base64 = Base64.getEncoder().encodeToString(bytes);
    String urlSafe = Base64.getUrlEncoder().encodeToString(bytes);
    for (String encoded : List.of(base64, urlSafe)) {
      forms.add(encoded);
      forms.add(encoded.replace("=", ""));
    }
    return forms;
  }

  String redact(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /**
   * The answer with every secret taken out of every text in it; the same node when none is there.
   */
  JsonNode redactAll(JsonNode answer) {
    if (!containsSecret(answer)) {
      return answer;
    }
    JsonNode copy = answer.deepCopy();
    redactInPlace(copy);
    return copy;
  }

  private boolean containsSecret(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      return secrets.stream().anyMatch(text::contains);
    }
    for (JsonNode child : node) {
      if (containsSecret(child)) {
        return true;
      }
    }
    return false;
  }

  private void redactInPlace(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (field.getValue().isTextual()) {
          object.put(field.getKey(), redact(field.getValue().asText()));
        } else {
          redactInPlace(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(redact(array.get(i).asText())));
        } else {
          redactInPlace(array.get(i));
        }
      }
    }
  }

  static boolean isSecretField(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("password")
        || lower.contains("ssl_key")
        || lower.contains("secret")
        || lower.contains("token")
        || lower.contains("connection_string");
  }

  private static void collect(@Nullable JsonNode node, boolean secretContext, List<String> into) {
    if (node == null) {
      return;
    }
    if (node.isTextual() && secretContext) {
      into.add(node.asText());
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        collect(field.getValue(), secretContext || isSecretField(field.getKey()), into);
      }
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, secretContext, into));
    }
  }
}
