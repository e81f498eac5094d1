package dev.operators.kinsta.hosting;

import dev.operators.kinsta.api.v1alpha1.EnvVar;
import dev.operators.kinsta.hosting.client.HostedService;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.EnvVariable;
import dev.operators.kinsta.reconcile.Attempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A service's environment variables brought to exactly the wanted ones: one list, then a create, an
 * update or a delete for each that differs. Sevalla returns values decrypted, so a value changed in
 * MyKinsta or in the Secret it comes from is seen the same way.
 */
public final class HostedEnv {
  private HostedEnv() {}

  /** What to change; empty when Sevalla already has exactly the wanted variables. */
  public record Plan(List<EnvVariable> create, List<Change> update, List<EnvVariable> delete) {
    public boolean isEmpty() {
      return create.isEmpty() && update.isEmpty() && delete.isEmpty();
    }

    public int size() {
      return create.size() + update.size() + delete.size();
    }
  }

  /** One variable to change: Sevalla's id and what it should hold. */
  public record Change(String id, EnvVariable wanted) {}

  /**
   * The plan that turns {@code listed} into {@code wanted}; with {@code wanted} null, only the
   * variables named in {@code kept} (the operator's) are removed.
   */
  public static Plan plan(
      List<EnvVariable> listed, @Nullable List<EnvVariable> wanted, List<String> kept) {
    List<EnvVariable> create = new ArrayList<>();
    List<Change> update = new ArrayList<>();
    List<EnvVariable> delete = new ArrayList<>();
    if (wanted == null) {
      listed.stream().filter(v -> kept.contains(v.key())).forEach(delete::add);
      return new Plan(create, update, delete);
    }
    for (EnvVariable want : wanted) {
      Optional<EnvVariable> current =
          listed.stream().filter(v -> sameIdentity(v, want)).findFirst();
      if (current.isEmpty()) {
        create.add(want);
      } else if (!sameContent(current.get(), want)) {
        update.add(new Change(Objects.requireNonNull(current.get().id()), want));
      }
    }
    for (EnvVariable current : listed) {
      if (wanted.stream().noneMatch(w -> sameIdentity(current, w))) {
        delete.add(current);
      }
    }
    return new Plan(create, update, delete);
  }

  /**
   * Keeps the variables a spec declares ({@code env}, their values resolved) in Sevalla; with none
   * declared, removes only those the operator kept ({@code kept}). {@code beforeWrites} runs before
   * the first write. Answers the names kept from now on, null when the spec declares none.
   */
  public static <V extends EnvVar> @Nullable List<String> keepDeclared(
      Attempt<?, ?> attempt,
      HostedService service,
      String id,
      @Nullable List<V> env,
      EnvSources.Resolved resolved,
      BiFunction<V, String, EnvVariable> toVariable,
      @Nullable List<String> kept,
      Runnable beforeWrites) {
    List<String> known = kept == null ? List.of() : kept;
    if (env == null && known.isEmpty()) {
      return null;
    }
    List<EnvVariable> wanted =
        env == null
            ? null
            : env.stream()
                .map(variable -> toVariable.apply(variable, resolved.values().get(variable.name)))
                .toList();
    keep(attempt, service, id, wanted, known, beforeWrites);
    return env == null ? null : env.stream().map(variable -> variable.name).toList();
  }

  /**
   * Lists the service's variables and changes what differs; {@code beforeWrites} runs first when
   * anything is to change (to put on record that a deployment is owed). Answers how many changed.
   */
  public static int keep(
      Attempt<?, ?> attempt,
      HostedService service,
      String id,
      @Nullable List<EnvVariable> wanted,
      List<String> kept,
      Runnable beforeWrites) {
    HostingApi api = attempt.hosting();
    Plan plan = plan(api.services().listEnvVariables(service, id), wanted, kept);
    if (!plan.isEmpty() && reported(attempt, plan)) {
      beforeWrites.run();
      apply(api, service, id, plan);
    }
    return plan.size();
  }

  /**
   * Each variable the plan changes, as drift; never a value (one may come from a Secret). Answers
   * whether to write.
   */
  private static boolean reported(Attempt<?, ?> attempt, Plan plan) {
    boolean write = true;
    for (EnvVariable variable : plan.delete()) {
      write = attempt.correct(field(variable), "(absent)", "(set)") && write;
    }
    for (Change change : plan.update()) {
      write = attempt.correct(field(change.wanted()), "(another value)", "(set)") && write;
    }
    for (EnvVariable variable : plan.create()) {
      write = attempt.correct(field(variable), "(set)", "(absent)") && write;
    }
    return write;
  }

  private static String field(EnvVariable variable) {
    return "spec.env["
        + variable.key()
        + (variable.branch() == null ? "" : "@" + variable.branch())
        + "]";
  }

  public static void apply(HostingApi api, HostedService service, String id, Plan plan) {
    for (EnvVariable variable : plan.delete()) {
      api.services().deleteEnvVariable(service, id, Objects.requireNonNull(variable.id()));
    }
    for (Change change : plan.update()) {
      api.services().updateEnvVariable(service, id, change.id(), change.wanted());
    }
    for (EnvVariable variable : plan.create()) {
      api.services().createEnvVariable(service, id, variable);
    }
  }

  /** The same variable: the same name (and, on a static site, the same branch). */
  private static boolean sameIdentity(EnvVariable a, EnvVariable b) {
    return a.key().equals(b.key()) && Objects.equals(a.branch(), b.branch());
  }

  private static boolean sameContent(EnvVariable current, EnvVariable wanted) {
    return Objects.equals(current.value(), wanted.value())
        && flag(current.isRuntime(), true) == flag(wanted.isRuntime(), true)
        && flag(current.isBuildtime(), true) == flag(wanted.isBuildtime(), true)
        && flag(current.isProduction(), true) == flag(wanted.isProduction(), true)
        && flag(current.isPreview(), false) == flag(wanted.isPreview(), false);
  }

  private static boolean flag(@Nullable Boolean value, boolean otherwise) {
    return value == null ? otherwise : value;
  }
}
