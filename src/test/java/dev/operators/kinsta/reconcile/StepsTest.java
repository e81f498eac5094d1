package dev.operators.kinsta.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order of a kind's steps, and where a reconcile ends. */
class StepsTest {
  private final List<String> ran = new ArrayList<>();

  private Steps<String> steps(String endingAt) {
    return Steps.<String>first("observe", step("observe", endingAt))
        .then("create", step("create", endingAt))
        .then("apply", step("apply", endingAt));
  }

  private Steps.Step<String> step(String name, String endingAt) {
    return reconcile -> {
      ran.add(name);
      return name.equals(endingAt)
          ? Optional.of(
              Outcome.progressing(Reasons.OPERATION_IN_PROGRESS, name, Duration.ofSeconds(1)))
          : Optional.empty();
    };
  }

  @Test
  void theFirstStepWithAnOutcomeEndsTheReconcile() {
    Outcome outcome = steps("create").run("site", last -> Outcome.ready("done", null));
    assertEquals("create", outcome.message());
    assertEquals(List.of("observe", "create"), ran);
  }

  @Test
  void whenNoStepEndsItTheLastOneSaysWhereItStands() {
    Outcome outcome = steps("none").run("site", last -> Outcome.ready("done with " + last, null));
    assertEquals("done with site", outcome.message());
    assertEquals(List.of("observe", "create", "apply"), ran);
  }

  @Test
  void theStepsAreNamedInOrder() {
    assertEquals(List.of("observe", "create", "apply"), steps("none").names());
  }
}
