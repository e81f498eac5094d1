package dev.operators.kinsta.wordpress.dnsrecord;

import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.reconcile.Reason.MayClear;

/** KinstaDnsRecord's own condition and event reasons. */
public enum DnsReasons implements Reason {
  @MayClear
  ZONE_NOT_FOUND,
  RECORD_EXISTS,
  @MayClear
  RECORD_CREATE_FAILED,

  // Events.
  RECORD_UPDATED,

  RECORD_RESTORED,
  DELETING_RECORD,
  RECORD_DELETE_FAILED;
}
