package dev.operators.kinsta.hosting.pipeline;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineStatus;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.PipelineStage;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.transport.KinstaApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes a pipeline's stages before production exactly {@code spec.stages}, in order: a stage
 * another name or branch is deleted (Sevalla cannot change a stage's branch), a missing one is
 * added just before production, and the order is put right in one call. Sevalla's production and
 * preview stages are never touched here. Works on the pipeline's stage list as the reconcile knows
 * it, so the applications step sees the stages just made.
 */
final class PipelineStages {
  private final Attempt<KinstaPipeline, KinstaPipelineStatus> attempt;
  private final String pipelineId;
  private final List<PipelineStage> stages;
  private final Runnable changed;

  /**
   * @param stages the pipeline's stages in order; changed in place to what they are afterwards
   * @param changed told of each call that changed something, as it is made
   */
  PipelineStages(
      Attempt<KinstaPipeline, KinstaPipelineStatus> attempt,
      String pipelineId,
      List<PipelineStage> stages,
      Runnable changed) {
    this.attempt = attempt;
    this.pipelineId = pipelineId;
    this.stages = stages;
    this.changed = changed;
  }

  /** Applies the spec's stages. */
  void apply(List<KinstaPipelineSpec.Stage> wanted) {
    HostingApi api = attempt.hosting();
    // Each spec stage's match, in the spec's order (null: to be added).
    List<@Nullable PipelineStage> matches = new ArrayList<>();
    List<PipelineStage> kept = new ArrayList<>();
    for (KinstaPipelineSpec.Stage stage : wanted) {
      PipelineStage match = matching(stage, kept).orElse(null);
      matches.add(match);
      if (match != null) {
        kept.add(match);
      }
    }
    for (PipelineStage extra : List.copyOf(stages)) {
      if (isStandard(extra)
          && !kept.contains(extra)
          && attempt.correct(
              "spec.stages", "without " + extra.displayName(), extra.displayName())) {
        try {
          api.pipelines().deletePipelineStage(pipelineId, extra.id());
        } catch (KinstaApiException.NotFound alreadyGone) {
          // Deleted meanwhile, in MyKinsta: what was asked for.
        }
        stages.remove(extra);
        changed.run();
        event(PipelineReasons.STAGE_REMOVED, "Removed stage \"" + extra.displayName() + "\"");
      }
    }
    List<PipelineStage> inOrder = new ArrayList<>();
    stages.stream().filter(s -> PipelineStage.PREVIEW.equals(s.type())).forEach(inOrder::add);
    for (int i = 0; i < wanted.size(); i++) {
      KinstaPipelineSpec.Stage stage = wanted.get(i);
      PipelineStage existing = matches.get(i);
      if (existing != null) {
        inOrder.add(existing);
        continue;
      }
      String name = requireNonNull(stage.name, "spec.stages[].name");
      if (!attempt.correct("spec.stages", name, "without " + name)) {
        continue;
      }
      PipelineStage added =
          api.pipelines().addPipelineStage(pipelineId, name, productionIndex(), stage.branch);
      stages.add(productionIndex(), added);
      inOrder.add(added);
      changed.run();
      event(
          PipelineReasons.STAGE_ADDED,
          "Added stage \""
              + stage.name
              + "\""
              + (stage.branch == null ? "" : " on " + stage.branch));
    }
    stages.stream().filter(s -> PipelineStage.PRODUCTION.equals(s.type())).forEach(inOrder::add);
    boolean sameStages = new HashSet<>(ids(inOrder)).equals(new HashSet<>(ids(stages)));
    if (sameStages
        && !ids(inOrder).equals(ids(stages))
        && attempt.correct("spec.stages (order)", names(inOrder), names(stages))) {
      api.pipelines().orderPipelineStages(pipelineId, ids(inOrder));
      stages.clear();
      stages.addAll(inOrder);
      changed.run();
    }
  }

  private static String names(List<PipelineStage> stages) {
    return String.join(", ", stages.stream().map(PipelineStage::displayName).toList());
  }

  /** The standard stage of this name and branch, not already taken by an earlier spec stage. */
  private Optional<PipelineStage> matching(
      KinstaPipelineSpec.Stage wanted, List<PipelineStage> taken) {
    return stages.stream()
        .filter(PipelineStages::isStandard)
        .filter(stage -> !taken.contains(stage))
        .filter(stage -> stage.displayName().equals(wanted.name))
        .filter(stage -> Objects.equals(stage.branch(), wanted.branch))
        .findFirst();
  }

  /** Where a new stage goes: just before production (at the end when there is none). */
  private int productionIndex() {
    for (int i = 0; i < stages.size(); i++) {
      if (PipelineStage.PRODUCTION.equals(stages.get(i).type())) {
        return i;
      }
    }
    return stages.size();
  }

  static boolean isStandard(PipelineStage stage) {
    return !PipelineStage.PREVIEW.equals(stage.type())
        && !PipelineStage.PRODUCTION.equals(stage.type());
  }

  private static List<String> ids(List<PipelineStage> stages) {
    return stages.stream().map(PipelineStage::id).toList();
  }

  private void event(Reason reason, String message) {
    attempt.events().normal(attempt.resource(), reason, message + " of pipeline " + pipelineId);
  }
}
