package dev.operators.kinsta.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    List<String> secrets = new ArrayList<>();
    secrets.add(key.bearerToken());
    collect(body, false, secrets);
    return new Redactor(secrets);
  }

  String redact(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String result = text;
    for (String secret : secrets) {
      if (secret.length() >= 4) {
        result = result.replace(secret, MASK);
      }
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
      return secrets.stream().anyMatch(s -> s.length() >= 4 && text.contains(s));
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
