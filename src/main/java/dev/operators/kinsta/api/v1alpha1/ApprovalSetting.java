package dev.operators.kinsta.api.v1alpha1;

import org.jspecify.annotations.Nullable;

/** A spec that may say which of its changes wait for approval. */
public interface ApprovalSetting {
  /** The spec's approval setting; null when it leaves it to the operator's default. */
  @Nullable Approval approvalSetting();
}
