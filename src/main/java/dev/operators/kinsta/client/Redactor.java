package dev.operators.kinsta.client;

import com.fasterxml.jackson.databind.JsonNode;
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
