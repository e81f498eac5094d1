package dev.operators.kinsta.client.budget;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Orders waiters by {@link Priority} (then arrival) and lets only the most urgent one try to take a
 * permit, so a crowd of background reads cannot starve a user's write when the budget runs short.
 */
final class PriorityGate {
  private record Ticket(Priority priority, long sequence) {}

  /**
   * Thrown when the permit would come later than the caller's deadline; carries the estimated wait.
   */
  static final class TooLong extends Exception {
    private final long waitNanos;

    TooLong(long waitNanos) {
      super(null, null, false, false);
      this.waitNanos = waitNanos;
    }

    long waitNanos() {
      return waitNanos;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<Ticket> queue =
      new PriorityQueue<>(
          Comparator.comparing(Ticket::priority).thenComparingLong(Ticket::sequence));
  private final long waiterEstimateNanos;
  private long nextSequence;

  PriorityGate(long waiterEstimateNanos) {
    this.waiterEstimateNanos = waiterEstimateNanos;
  }

  /**
   * Waits until this caller is first in line and {@code tryTake} grants a permit. {@code tryTake}
   * returns 0 when it took a permit, otherwise the nanoseconds until one may be available.
   */
  void acquire(Priority priority, long deadlineNanos, LongSupplier tryTake)
      throws InterruptedException, TooLong {
    lock.lock();
    Ticket ticket = new Ticket(priority, nextSequence++);
    queue.add(ticket);
    try {
      while (true) {
        long now = System.nanoTime();
        long remaining = deadlineNanos - now;
        if (ticket.equals(queue.peek())) {
          long wait = tryTake.getAsLong();
          if (wait <= 0) {
            return;
          }
          if (wait > remaining) {
            throw new TooLong(wait);
          }
          changed.awaitNanos(wait);
        } else {
          if (remaining <= 0) {
            throw new TooLong(waiterEstimateNanos * (position(ticket) + 1));
          }
          changed.awaitNanos(remaining);
        }
      }
    } finally {
      queue.remove(ticket);
      changed.signalAll();
      lock.unlock();
    }
  }

  /**
   * Wakes waiters so that they look at the budget again (after a pause ends early or settings
   * change).
   */
  void wakeUp() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int waiting() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  private int position(Ticket ticket) {
    return (int)
        queue.stream().filter(other -> queue.comparator().compare(other, ticket) < 0).count();
  }
}
