package dev.operators.kinsta.reconcile;

import dev.operators.kinsta.transport.KinstaApiException;

/** Kinsta's own verdict on a call, which retrying would not change: the resource stalls. */
final class TerminalFailures {
  private TerminalFailures() {}

  static Outcome stalled(KinstaApiException failure) {
    if (failure instanceof KinstaApiException.Unauthorized) {
      return Outcome.stalled(
          Reasons.INVALID_CREDENTIALS,
          "Kinsta rejected the API key (401); fix the credentials Secret: " + failure.getMessage());
    }
    if (failure instanceof KinstaApiException.Forbidden) {
      return Outcome.stalled(
          Reasons.PERMISSION_DENIED,
          "The API key is not allowed to call "
              + failure.endpoint()
              + " (403): "
              + failure.getMessage());
    }
    if (failure instanceof KinstaApiException.NotFound) {
      return Outcome.stalled(Reasons.NOT_FOUND, failure.getMessage());
    }
    return Outcome.stalled(Reasons.KINSTA_REJECTED, failure.getMessage());
  }
}
