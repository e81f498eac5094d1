package dev.operators.kinsta.hosting.pipeline;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.KinstaApplication;
import dev.operators.kinsta.api.v1alpha1.KinstaPipeline;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineSpec;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineStatus;
import dev.operators.kinsta.api.v1alpha1.KinstaPipelineStatus.Member;
import dev.operators.kinsta.hosting.client.HostingApi;
import dev.operators.kinsta.hosting.client.dto.PipelineStage;
import dev.operators.kinsta.reconcile.Attempt;
import dev.operators.kinsta.transport.KinstaApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Puts the applications the spec names into their stages. Sevalla never shows which applications a
 * stage holds, so {@code status.members} records what the operator added: a member is written there
 * (not yet {@code added}) before its call, so that a crash or a lost answer is known; when the call
 * is sent again and Sevalla answers that the application is already in a pipeline, that is the
 * earlier call's doing and the member counts as added.
 */
final class PipelineMembers {
  /** An application in a stage, as the spec and the application's status name it. */
  record Wanted(String stageId, String stage, String application, String applicationId) {}

  private final Attempt<KinstaPipeline, KinstaPipelineStatus> attempt;
  private final String pipelineId;
  private final Runnable changed;

  /**
   * @param changed told of each call that changed something, as it is made
   */
  PipelineMembers(
      Attempt<KinstaPipeline, KinstaPipelineStatus> attempt, String pipelineId, Runnable changed) {
    this.attempt = attempt;
    this.pipelineId = pipelineId;
    this.changed = changed;
  }

  /**
   * The members the spec asks for, in the given stages, of the applications that have an id; those
   * that have none yet are named in {@code waiting}.
   */
  static List<Wanted> wanted(
      Attempt<KinstaPipeline, KinstaPipelineStatus> attempt,
      List<StageRef> stages,
      List<String> waiting) {
    List<Wanted> wanted = new ArrayList<>();
    String namespace = attempt.resource().getMetadata().getNamespace();
    for (StageRef stage : stages) {
      for (String name : stage.applications()) {
        Optional<String> id =
            attempt
                .caches()
                .get(KinstaApplication.class, namespace, name)
                .map(app -> app.getStatus() == null ? null : app.getStatus().applicationId);
        if (id.isEmpty()) {
          waiting.add(name);
        } else if (stage.stageId() != null) {
          wanted.add(new Wanted(stage.stageId(), stage.name(), name, id.get()));
        }
      }
    }
    return wanted;
  }

  /** A stage the spec puts applications in, with its id when the pipeline has it. */
  record StageRef(String name, @Nullable String stageId, List<String> applications) {}

  /** The stages of the spec that name applications, matched to the pipeline's stages. */
  static List<StageRef> stageRefs(KinstaPipelineSpec spec, List<PipelineStage> stages) {
    List<StageRef> refs = new ArrayList<>();
    if (spec.stages != null) {
      for (KinstaPipelineSpec.Stage stage : spec.stages) {
        if (stage.applications != null) {
          String id =
              stages.stream()
                  .filter(PipelineStages::isStandard)
                  .filter(s -> s.displayName().equals(stage.name))
                  .map(PipelineStage::id)
                  .findFirst()
                  .orElse(null);
          refs.add(
              new StageRef(
                  requireNonNull(stage.name, "spec.stages[].name"), id, stage.applications));
        }
      }
    }
    if (spec.production != null && spec.production.applications != null) {
      Optional<PipelineStage> production =
          stages.stream().filter(s -> PipelineStage.PRODUCTION.equals(s.type())).findFirst();
      refs.add(
          new StageRef(
              production.map(PipelineStage::displayName).orElse("Production"),
              production.map(PipelineStage::id).orElse(null),
              spec.production.applications));
    }
    return refs;
  }

  /**
   * Removes the members no longer wanted (those whose stage is gone left with it), then adds the
   * missing ones.
   */
  void apply(List<Wanted> wanted, List<PipelineStage> stages) {
    KinstaPipelineStatus status = attempt.status();
    if (attempt.observing()) {
      plan(wanted);
      return;
    }
    HostingApi api = attempt.hosting();
    List<String> stageIds = stages.stream().map(PipelineStage::id).toList();
    for (Member member : List.copyOf(status.members)) {
      if (!stageIds.contains(member.stageId)) {
        status.members.remove(member);
      } else if (wanted.stream().noneMatch(w -> same(w, member))) {
        try {
          api.pipelines()
              .removeApplicationFromStage(
                  pipelineId,
                  requireNonNull(member.stageId, "status.members[].stageId"),
                  requireNonNull(member.applicationId, "status.members[].applicationId"));
        } catch (KinstaApiException.NotFound alreadyOut) {
          // Taken out in MyKinsta meanwhile: what was asked for.
        }
        status.members.remove(member);
        changed.run();
      }
    }
    List<Member> toAdd = new ArrayList<>();
    for (Wanted w : wanted) {
      Optional<Member> known = status.members.stream().filter(m -> same(w, m)).findFirst();
      if (known.isPresent() && Boolean.TRUE.equals(known.get().added)) {
        continue;
      }
      Member member = known.orElseGet(() -> member(w));
      if (known.isEmpty()) {
        status.members.add(member);
      }
      toAdd.add(member);
    }
    if (toAdd.isEmpty()) {
      return;
    }
    // Sent before means its answer was lost: the call may have been carried out.
    List<Member> sentBefore = toAdd.stream().filter(m -> m.sentAt != null).toList();
    toAdd.forEach(member -> member.sentAt = attempt.now().toString());
    attempt.writeStatusNow(
        PipelineReasons.PIPELINE_UPDATING,
        "Adding " + toAdd.size() + " application(s) to the stages of pipeline " + pipelineId);
    for (int i = 0; i < toAdd.size(); i++) {
      Member member = toAdd.get(i);
      try {
        api.pipelines()
            .addApplicationToStage(
                pipelineId,
                requireNonNull(member.stageId, "status.members[].stageId"),
                requireNonNull(member.applicationId, "status.members[].applicationId"));
      } catch (KinstaApiException.InvalidRequest alreadyInAPipeline) {
        if (!sentBefore.contains(member)) {
          notSent(toAdd.subList(i, toAdd.size()), sentBefore);
          throw alreadyInAPipeline;
        }
      } catch (KinstaApiException.Transport | KinstaApiException.ServerError unanswered) {
        // This call may have been carried out; the ones after it were not sent.
        notSent(toAdd.subList(i + 1, toAdd.size()), sentBefore);
        throw unanswered;
      } catch (KinstaApiException refused) {
        notSent(toAdd.subList(i, toAdd.size()), sentBefore);
        throw refused;
      }
      member.added = true;
      changed.run();
    }
  }

  /** These members' calls were refused or never made: a later 400 is not theirs. */
  private static void notSent(List<Member> members, List<Member> sentBefore) {
    members.stream().filter(m -> !sentBefore.contains(m)).forEach(m -> m.sentAt = null);
  }

  /**
   * Under Observe: the members Manage would add or take out. Sevalla does not list a stage's
   * applications, so what the operator added before is what it knows of.
   */
  private void plan(List<Wanted> wanted) {
    List<Member> members = attempt.status().members;
    for (Member member : members) {
      if (wanted.stream().noneMatch(w -> same(w, member))) {
        attempt.correct(
            "spec.stages[" + member.stage + "].applications",
            "without " + member.application,
            member.application);
      }
    }
    for (Wanted w : wanted) {
      boolean added = members.stream().anyMatch(m -> same(w, m) && Boolean.TRUE.equals(m.added));
      if (!added) {
        attempt.correct(
            "spec.stages[" + w.stage() + "].applications",
            w.application(),
            "not known to be in the stage (Sevalla does not list a stage's applications)");
      }
    }
  }

  private static boolean same(Wanted wanted, Member member) {
    return Objects.equals(wanted.stageId(), member.stageId)
        && Objects.equals(wanted.applicationId(), member.applicationId);
  }

  private static Member member(Wanted wanted) {
    Member member = new Member();
    member.stageId = wanted.stageId();
    member.stage = wanted.stage();
    member.application = wanted.application();
    member.applicationId = wanted.applicationId();
    return member;
  }
}
