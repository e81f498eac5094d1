package dev.operators.kinsta.wordpress.client;

import dev.operators.kinsta.transport.budget.RateBudgets;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;

/**
 * Kinsta's WordPress API ({@code https://api.kinsta.com/v2}), bound to one company's credentials,
 * by area: each accessor gives that area's calls. Calls that return an {@link OperationRef} start
 * an asynchronous operation: poll it with {@link Operations#getOperation}. Every failure is a
 * {@link KinstaApiException}.
 */
public interface KinstaApi {

  /**
   * Takes one of the company's creation permits ahead of a creation call this thread is about to
   * prepare; throws {@link KinstaApiException.RateLimited} with the time until one is there.
   * Closing the hold gives the permit back unless a creation call used it.
   */
  RateBudgets.CreationHold holdCreation();

  Company company();

  Sites sites();

  Environments environments();

  Access access();

  Dns dns();

  Backups backups();

  WordPress wordPress();

  Operations operations();
}
