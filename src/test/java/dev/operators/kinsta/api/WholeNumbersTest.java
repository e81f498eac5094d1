package dev.operators.kinsta.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.ApiGroup;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The strict reading of specs and statuses (LenientReading) refuses a whole JSON number for a
 * floating-point field, and the API server and other clients write whole numbers as integers: so no
 * field of any kind's model is a Double or Float.
 */
class WholeNumbersTest {

  @Test
  void noKindHoldsAFloatingPointField() {
    Set<String> floating = new TreeSet<>();
    for (Class<? extends CustomResource<?, ?>> kind : ApiGroup.KINDS) {
      for (Type part : ((ParameterizedType) kind.getGenericSuperclass()).getActualTypeArguments()) {
        floatingFields((Class<?>) part, floating);
      }
    }
    assertEquals(Set.of(), floating, "fields the strict reading could not read back");
  }

  @Test
  void aWholeNumberIsReadIntoAnIntegerField() {
    KinstaSiteStatus status =
        Serialization.unmarshal(
            "{\"environments\": [{\"name\": \"live\", \"contents\": {\"updatesAvailable\": 3}}]}",
            KinstaSiteStatus.class);
    assertTrue(status.unreadable() == null, String.valueOf(status.unreadable()));
    assertEquals(3, status.environments.get(0).contents.updatesAvailable);
  }

  private static void floatingFields(Class<?> root, Set<String> found) {
    Deque<Class<?>> queue = new ArrayDeque<>(List.of(root));
    Set<Class<?>> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      Class<?> type = queue.pop();
      if (!seen.add(type) || !type.getName().startsWith("dev.operators.kinsta")) {
        continue;
      }
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())) {
            continue;
          }
          Class<?> raw = field.getType();
          if (raw == Double.class
              || raw == Float.class
              || raw == double.class
              || raw == float.class) {
            found.add(c.getSimpleName() + "." + field.getName());
          }
          queue.add(raw);
          if (field.getGenericType() instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
              if (argument instanceof Class<?> element) {
                queue.add(element);
              }
            }
          }
        }
      }
    }
  }
}
