package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads a spec or a status strictly (no unknown fields, no enum value the model lacks, no number
 * for a string or the reverse) and, when that fails, gives an empty one marked {@link Unreadable}
 * instead of throwing. Used by every {@link KinstaSpec} and {@link KinstaStatus} through {@link
 * JsonDeserialize}, so every client that reads them (the controllers' informers included) gets the
 * same leniency.
 */
public final class LenientReading extends JsonDeserializer<Object>
    implements ContextualDeserializer {
  private static final int SHOWN_VALUE = 64;
  private static final ObjectMapper STRICT = strictMapper();

  private final @Nullable JavaType type;

  public LenientReading() {
    this(null);
  }

  private LenientReading(@Nullable JavaType type) {
    this.type = type;
  }

  /**
   * Gives a copy of a resource the marks of its original: a copy made by writing and reading again
   * would otherwise read the empty part as a valid one.
   */
  public static void carryMarks(
      io.fabric8.kubernetes.client.CustomResource<?, ?> original,
      io.fabric8.kubernetes.client.CustomResource<?, ?> copy) {
    carry(original.getSpec(), copy.getSpec());
    carry(original.getStatus(), copy.getStatus());
  }

  private static void carry(@Nullable Object from, @Nullable Object to) {
    if (from instanceof ReadPart original && to instanceof ReadPart copy) {
      Unreadable mark = original.unreadable();
      if (mark != null) {
        copy.markUnreadable(mark);
      }
    }
  }

  @Override
  public JsonDeserializer<?> createContextual(
      DeserializationContext context, @Nullable BeanProperty property) {
    JavaType contextual = context.getContextualType();
    if (contextual == null && property != null) {
      contextual = property.getType();
    }
    return new LenientReading(contextual);
  }

  @Override
  public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JavaType target = type;
    if (target == null) {
      throw JsonMappingException.from(parser, "no type to read");
    }
    JsonNode tree = parser.readValueAsTree();
    String part = target.isTypeOrSubTypeOf(KinstaStatus.class) ? "status" : "spec";
    try {
      return STRICT.treeToValue(tree, target);
    } catch (JsonMappingException unreadable) {
      Object empty = STRICT.treeToValue(STRICT.createObjectNode(), target);
      ((ReadPart) empty).markUnreadable(describe(part, unreadable, tree));
      return empty;
    }
  }

  static Unreadable describe(String part, JsonMappingException failure, JsonNode tree) {
    StringBuilder field = new StringBuilder(part);
    JsonNode value = tree;
    for (JsonMappingException.Reference step : failure.getPath()) {
      if (step.getFieldName() != null) {
        field.append('.').append(step.getFieldName());
        value = value.path(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        field.append('[').append(step.getIndex()).append(']');
        value = value.path(step.getIndex());
      }
    }
    String problem;
    if (failure instanceof UnrecognizedPropertyException unknown) {
      problem = "unknown field";
      if (!field.toString().endsWith("." + unknown.getPropertyName())) {
        field.append('.').append(unknown.getPropertyName());
      }
    } else if (failure instanceof InvalidFormatException
        || failure instanceof MismatchedInputException) {
      Class<?> expected = ((MismatchedInputException) failure).getTargetType();
      problem = shown(value) + " is not " + expectation(expected);
    } else {
      problem = "cannot be read";
    }
    return new Unreadable(field.toString(), problem, tree);
  }

  private static String expectation(@Nullable Class<?> expected) {
    if (expected == null) {
      return "of the expected type";
    }
    if (expected.isEnum()) {
      return "one of "
          + Arrays.stream(expected.getEnumConstants())
              .map(constant -> STRICT.convertValue(constant, String.class))
              .collect(Collectors.joining(", "));
    }
    if (expected == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(expected)
        || expected == int.class
        || expected == long.class
        || expected == double.class) {
      return "a number";
    }
    if (expected == Boolean.class || expected == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(expected)) {
      return "a list";
    }
    return "an object";
  }

  /** The value as the user wrote it, shortened, with control characters replaced. */
  private static String shown(JsonNode value) {
    if (value.isMissingNode()) {
      return "the value";
    }
    String text = value.toString().replaceAll("\\p{Cntrl}", "?");
    return text.length() <= SHOWN_VALUE ? text : text.substring(0, SHOWN_VALUE) + "…";
  }

  private static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addMixIn(KinstaSpec.class, ReadPlainly.class)
            .addMixIn(KinstaStatus.class, ReadPlainly.class)
            .build();
    for (LogicalType scalar :
        new LogicalType[] {
          LogicalType.Textual,
          LogicalType.Integer,
          LogicalType.Float,
          LogicalType.Boolean,
          LogicalType.Enum
        }) {
      mapper
          .coercionConfigFor(scalar)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    return mapper;
  }

  /** Inside this reader, specs and statuses are read by Jackson's own bean reader. */
  @JsonDeserialize
  private abstract static class ReadPlainly {}
}
