package dev.operators.kinsta.transport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns parts of a Kinsta answer into wire records, with a clear error when the answer has another
 * shape.
 */
public final class WireReader {
  private static final ObjectMapper JSON = KinstaJson.mapper();

  private WireReader() {}

  public static <T> T read(String endpoint, JsonNode answer, String pointer, Class<T> type) {
    JsonNode node = required(endpoint, answer, pointer);
    return convert(endpoint, () -> JSON.convertValue(node, type));
  }

  public static <T> List<T> readList(
      String endpoint, JsonNode answer, String pointer, Class<T> element) {
    JsonNode node = answer.at(pointer);
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, element);
    return convert(endpoint, () -> JSON.<List<T>>convertValue(node, listType));
  }

  public static <T> T read(
      String endpoint, JsonNode answer, String pointer, TypeReference<T> type) {
    JsonNode node = required(endpoint, answer, pointer);
    return convert(endpoint, () -> JSON.convertValue(node, type));
  }

  public static JsonNode required(String endpoint, JsonNode answer, String pointer) {
    JsonNode node = answer.at(pointer);
    if (node.isMissingNode()) {
      throw new KinstaApiException.Transport(
          endpoint, "unexpected answer from Kinsta for " + endpoint + ": no " + pointer, null);
    }
    return node;
  }

  /**
   * Runs a conversion of Kinsta's answer; one that does not fit the model is a transport failure.
   */
  private static <T> T convert(String endpoint, Supplier<T> conversion) {
    try {
      return conversion.get();
    } catch (IllegalArgumentException unexpected) {
      throw new KinstaApiException.Transport(
          endpoint,
          "unexpected answer from Kinsta for "
              + endpoint
              + ": "
              + firstLine(unexpected.getMessage()),
          null);
    }
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
