package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.api.v1alpha1.CreationIntent;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the other resources of a kind, in every watched namespace, say about the Kinsta objects of a
 * company: the ids they record, and the creations they have sent without an id yet. A creation
 * whose answer was lost is resolved only onto an object that none of them records or intends:
 * tenants of one company may use the same display name, and one's lost call must never take the
 * other's object.
 */
public final class CreationClaims<R extends CustomResource<?, ?>> {
  private final List<R> others;
  private final Function<R, Optional<String>> recordedId;
  private final Function<R, @Nullable CreationIntent> intent;
  private final String companyId;

  private CreationClaims(
      List<R> others,
      Function<R, Optional<String>> recordedId,
      Function<R, @Nullable CreationIntent> intent,
      String companyId) {
    this.others = others;
    this.recordedId = recordedId;
    this.intent = intent;
    this.companyId = companyId;
  }

  /**
   * The claims of every resource of {@code kind} but the attempt's own, from its controller's
   * cache.
   */
  public static <R extends CustomResource<?, ?>> CreationClaims<R> of(
      Attempt<R, ?> attempt,
      Class<R> kind,
      Function<R, Optional<String>> recordedId,
      Function<R, @Nullable CreationIntent> intent) {
    String uid = attempt.resource().getMetadata().getUid();
    List<R> others =
        attempt
            .caches()
            .all(kind)
            .filter(other -> !Objects.equals(uid, other.getMetadata().getUid()))
            .toList();
    return new CreationClaims<>(others, recordedId, intent, attempt.companyId());
  }

  /**
   * No other resource's claims: for a kind whose objects are told apart by what the spec names (a
   * DNS record set by zone, type and name), where two resources naming one are refused before any
   * creation.
   */
  public static <R extends CustomResource<?, ?>> CreationClaims<R> none() {
    return new CreationClaims<>(List.of(), resource -> Optional.empty(), resource -> null, "");
  }

  /** The other resource that records this Kinsta object, as {@code namespace/name}. */
  public Optional<String> recorder(String kinstaId) {
    return others.stream()
        .filter(other -> recordedId.apply(other).filter(kinstaId::equals).isPresent())
        .map(CreationClaims::name)
        .findFirst();
  }

  /**
   * The other resources that have sent (or are about to send) a create call for an object with this
   * display name in this company and do not know its id yet.
   */
  public List<String> intending(String displayName) {
    return others.stream()
        .filter(other -> status(other) != null && recordedId.apply(other).isEmpty())
        .filter(
            other -> {
              CreationIntent theirs = intent.apply(other);
              return theirs != null
                  && displayName.equals(theirs.displayName)
                  // An intent recorded before company ids were kept may be anyone's.
                  && (theirs.companyId == null || companyId.equals(theirs.companyId));
            })
        .map(CreationClaims::name)
        .toList();
  }

  private static @Nullable Object status(CustomResource<?, ?> resource) {
    return resource.getStatus();
  }

  private static String name(CustomResource<?, ?> resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }
}
