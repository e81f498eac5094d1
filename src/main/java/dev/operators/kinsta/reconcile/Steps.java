package dev.operators.kinsta.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sequence one kind's reconcile goes through, written down once: each step either ends the
 * reconcile with an outcome (work started, something to wait for, a problem) or lets the next one
 * run; when every step has let it through, the last one says where the resource stands. A kind
 * keeps its steps in one constant, so a reader sees the order of everything in one place.
 *
 * @param <C> what the steps of one reconcile share (the attempt and what was observed so far)
 */
public final class Steps<C> {
  /** One step: an outcome ends the reconcile, empty goes on. */
  @FunctionalInterface
  public interface Step<C> {
    Optional<Outcome> run(C reconcile);
  }

  private record Named<C>(String name, Step<C> step) {}

  private final List<Named<C>> steps;

  private Steps(List<Named<C>> steps) {
    this.steps = List.copyOf(steps);
  }

  public static <C> Steps<C> first(String name, Step<C> step) {
    return new Steps<C>(List.of()).then(name, step);
  }

  public Steps<C> then(String name, Step<C> step) {
    List<Named<C>> more = new ArrayList<>(steps);
    more.add(new Named<>(name, step));
    return new Steps<>(more);
  }

  /** Runs the steps in order; {@code last} gives the outcome when none ended the reconcile. */
  public Outcome run(C reconcile, Function<C, Outcome> last) {
    for (Named<C> named : steps) {
      Optional<Outcome> outcome = named.step().run(reconcile);
      if (outcome.isPresent()) {
        return outcome.get();
      }
    }
    return last.apply(reconcile);
  }

  /** The steps' names, in order. */
  public List<String> names() {
    return steps.stream().map(Named::name).toList();
  }
}
