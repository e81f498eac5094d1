package dev.operators.kinsta.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A secret a request carried never survives redaction, in whichever form an answer repeats it: as
 * it was, JSON-escaped (an error that quotes the request body), URL-encoded (a query or a form) or
 * in base64, whatever text surrounds it.
 */
class RedactorPropertiesTest {
  private static final List<UnaryOperator<String>> FORMS =
      List.of(
          secret -> secret,
          secret -> new String(JsonStringEncoder.getInstance().quoteAsString(secret)),
          secret -> URLEncoder.encode(secret, StandardCharsets.UTF_8),
          secret -> URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"),
          secret -> Base64.getEncoder().encodeToString(bytes(secret)),
          secret -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(secret)));

  @Property(tries = 300)
  void aPasswordLeavesNoTraceInAnyForm(
      @ForAll("secrets") String password,
      @ForAll("text") String before,
      @ForAll("text") String after) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("display_name", "orders");
    body.put("db_password", password);
    Redactor redactor = Redactor.forRequest(ApiKey.of("key-0123456789abcdef"), body);
    for (UnaryOperator<String> form : FORMS) {
      String echoed = form.apply(password);
      String redacted = redactor.redact(before + echoed + after);
      assertFalse(
          redacted.contains(echoed), "the secret survived as \"" + echoed + "\": " + redacted);
    }
  }

  @Property(tries = 100)
  void theApiKeyLeavesNoTraceInAnyForm(@ForAll("keys") String key, @ForAll("text") String text) {
    Redactor redactor = Redactor.forRequest(ApiKey.of(key), null);
    for (UnaryOperator<String> form : FORMS) {
      String echoed = form.apply(key);
      assertFalse(redactor.redact(text + echoed + text).contains(echoed), echoed);
    }
  }

  /** Secrets of four characters or more (shorter ones are too common to mask), any characters. */
  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.oneOf(
            Arbitraries.strings().ofMinLength(4).ofMaxLength(40),
            Arbitraries.strings()
                .withChars("\"\\/+=&%?# 'é€\n\t")
                .withCharRange('a', 'z')
                .ofMinLength(4)
                .ofMaxLength(24))
        .filter(secret -> !secret.contains("*") && !secret.isBlank());
  }

  /** API keys as a Secret holds them: the operator strips the whitespace around a key. */
  @Provide
  Arbitrary<String> keys() {
    return secrets().map(String::strip).filter(key -> key.length() >= 4);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().ofMaxLength(30).filter(text -> !text.contains("*"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
