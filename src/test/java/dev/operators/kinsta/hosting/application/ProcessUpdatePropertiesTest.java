package dev.operators.kinsta.hosting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec.Autoscaling;
import dev.operators.kinsta.api.v1alpha1.KinstaApplicationSpec.ProcessSpec;
import dev.operators.kinsta.hosting.client.dto.AppProcess;
import dev.operators.kinsta.hosting.client.dto.ScalingStrategy;
import dev.operators.kinsta.hosting.client.dto.UpdateProcessRequest;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A process update sends only what differs, and once Kinsta applied it, the same spec asks for
 * nothing more: no update loop, whatever the spec and the process were.
 */
class ProcessUpdatePropertiesTest {

  @Property(tries = 1000)
  void anAppliedUpdateLeavesNothingToUpdate(
      @ForAll("specs") ProcessSpec spec, @ForAll("processes") AppProcess current) {
    UpdateProcessRequest update = Processes.update(spec, current, Map.of());
    AppProcess applied =
        update == null
            ? current
            : withProcess(
                update.scalingStrategy() != null
                    ? update.scalingStrategy()
                    : current.scalingStrategy(),
                update.entrypoint() != null ? update.entrypoint() : current.entrypoint());

    assertNull(Processes.update(spec, applied, Map.of()), "converged after " + update);
    if (update != null && update.entrypoint() != null) {
      assertEquals(spec.entrypoint, update.entrypoint());
    }
  }

  @Provide
  Arbitrary<ProcessSpec> specs() {
    Arbitrary<Integer> instances = Arbitraries.integers().between(1, 10).injectNull(0.5);
    Arbitrary<Autoscaling> autoscaling =
        Combinators.combine(
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(5, 20),
                Arbitraries.integers().between(10, 90).injectNull(0.5))
            .as(
                (min, max, cpu) -> {
                  Autoscaling scaling = new Autoscaling();
                  scaling.minInstances = min;
                  scaling.maxInstances = max;
                  scaling.targetCpuPercent = cpu;
                  return scaling;
                })
            .injectNull(0.5);
    Arbitrary<String> entrypoints = Arbitraries.of("npm start", "node server.js").injectNull(0.5);
    return Combinators.combine(instances, autoscaling, entrypoints)
        .as(
            (count, scaling, entrypoint) -> {
              ProcessSpec spec = new ProcessSpec();
              spec.key = "web";
              spec.instances = count;
              spec.autoscaling = count == null ? scaling : null;
              spec.entrypoint = entrypoint;
              return spec;
            });
  }

  @Provide
  Arbitrary<AppProcess> processes() {
    Arbitrary<ScalingStrategy> scaling =
        Arbitraries.oneOf(
                Arbitraries.integers().between(1, 10).map(ScalingStrategy::manual),
                Combinators.combine(
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.integers().between(5, 20),
                        Arbitraries.integers().between(10, 90))
                    .as((min, max, cpu) -> ScalingStrategy.horizontal(min, max, cpu, null)))
            .injectNull(0.2);
    Arbitrary<String> entrypoints = Arbitraries.of("npm start", "node old.js").injectNull(0.3);
    return Combinators.combine(scaling, entrypoints).as(ProcessUpdatePropertiesTest::withProcess);
  }

  private static AppProcess withProcess(ScalingStrategy scaling, String entrypoint) {
    return new AppProcess(
        "proc-1",
        "app-1",
        "web",
        "web",
        "Web",
        scaling,
        "s1",
        entrypoint,
        "web.internal",
        8080,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
