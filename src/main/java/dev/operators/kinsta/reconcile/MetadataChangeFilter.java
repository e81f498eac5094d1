package dev.operators.kinsta.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Lets through the updates a controller must act on: spec (generation), annotations (pause,
 * reconcile now, poll interval), finalizers and deletion. Status-only updates, mostly the
 * operator's own patches, are dropped, so a status patch does not cost another round of Kinsta
 * calls. Generation-aware processing alone would also drop the annotation changes.
 */
public final class MetadataChangeFilter<R extends HasMetadata> implements OnUpdateFilter<R> {
  @Override
  public boolean accept(R updated, R previous) {
    ObjectMeta now = updated.getMetadata();
    ObjectMeta before = previous.getMetadata();
    return !Objects.equals(now.getGeneration(), before.getGeneration())
        || !Objects.equals(now.getAnnotations(), before.getAnnotations())
        || !Objects.equals(now.getFinalizers(), before.getFinalizers())
        || !Objects.equals(now.getDeletionTimestamp(), before.getDeletionTimestamp());
  }
}
