package dev.operators.kinsta.wordpress.dnsrecord;

/** KinstaDnsRecord's own condition and event reasons. */
public final class DnsReasons {
  public static final String ZONE_NOT_FOUND = "ZoneNotFound";
  public static final String RECORD_EXISTS = "RecordExists";
  public static final String RECORD_CREATE_FAILED = "RecordCreateFailed";

  /** Events. */
  public static final String RECORD_UPDATED = "RecordUpdated";

  public static final String RECORD_RESTORED = "RecordRestored";
  public static final String DELETING_RECORD = "DeletingRecord";
  public static final String RECORD_DELETE_FAILED = "RecordDeleteFailed";

  private DnsReasons() {}
}
