package dev.operators.kinsta.company;

import dev.operators.kinsta.api.v1alpha1.KinstaCompanyStatus.ActivityCursor;
import dev.operators.kinsta.api.v1alpha1.KinstaCompanyStatus.ActivityStatus;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.ActivityEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads a company's activity log past a cursor: the entries newer than those already told, oldest
 * first. The cursor is a time and the ids at that time, since Kinsta does not say its ids grow.
 */
final class ActivityLog {
  static final int PAGE = 50;
  static final int MAX_PAGES = 4;
  static final int RECENT = 10;

  /** What one read found: the new entries (oldest first), the newest page, and the new cursor. */
  record Read(List<ActivityEntry> fresh, List<ActivityEntry> newest, ActivityCursor cursor) {}

  private ActivityLog() {}

  /**
   * The entries past {@code cursor}, at most {@link #PAGE} × {@link #MAX_PAGES} of them. Without a
   * cursor (the first read) none is new: what happened before the resource existed is not told.
   */
  static Read read(KinstaApi api, @Nullable ActivityCursor cursor) {
    List<ActivityEntry> newest = api.company().activityLog(PAGE, 0);
    if (cursor == null || cursor.seenUntil == null) {
      return new Read(List.of(), newest, cursorAt(newest, null));
    }
    List<ActivityEntry> fresh = new ArrayList<>();
    List<ActivityEntry> page = newest;
    for (int pages = 1; ; pages++) {
      List<ActivityEntry> unseen = page.stream().filter(entry -> isNew(entry, cursor)).toList();
      fresh.addAll(unseen);
      if (unseen.size() < page.size() || page.size() < PAGE || pages == MAX_PAGES) {
        break;
      }
      page = api.company().activityLog(PAGE, pages * PAGE);
    }
    fresh.sort(
        Comparator.comparingLong(ActivityEntry::createdAt).thenComparingLong(ActivityEntry::id));
    return new Read(fresh, newest, cursorAt(fresh, cursor));
  }

  static boolean isNew(ActivityEntry entry, ActivityCursor cursor) {
    long seen = Instant.parse(cursor.seenUntil).toEpochMilli();
    return entry.createdAt() > seen
        || (entry.createdAt() == seen
            && (cursor.idsAtSeenUntil == null || !cursor.idsAtSeenUntil.contains(entry.id())));
  }

  /** The cursor past {@code entries}, or {@code previous} when there are none. */
  private static ActivityCursor cursorAt(
      List<ActivityEntry> entries, @Nullable ActivityCursor previous) {
    if (entries.isEmpty()) {
      return previous != null ? previous : new ActivityCursor();
    }
    long newest = entries.stream().mapToLong(ActivityEntry::createdAt).max().orElseThrow();
    Set<Long> ids =
        entries.stream()
            .filter(entry -> entry.createdAt() == newest)
            .map(ActivityEntry::id)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (previous != null
        && previous.seenUntil != null
        && Instant.parse(previous.seenUntil).toEpochMilli() == newest
        && previous.idsAtSeenUntil != null) {
      ids.addAll(previous.idsAtSeenUntil);
    }
    ActivityCursor cursor = new ActivityCursor();
    cursor.seenUntil = Instant.ofEpochMilli(newest).toString();
    cursor.idsAtSeenUntil = List.copyOf(ids);
    return cursor;
  }

  /** The newest entries for status, newest first. */
  static List<ActivityStatus> recent(List<ActivityEntry> newest) {
    return newest.stream()
        .sorted(
            Comparator.comparingLong(ActivityEntry::createdAt)
                .thenComparingLong(ActivityEntry::id)
                .reversed())
        .limit(RECENT)
        .map(
            entry -> {
              ActivityStatus status = new ActivityStatus();
              status.at = Instant.ofEpochMilli(entry.createdAt()).toString();
              status.type = entry.type();
              status.siteId = entry.siteId();
              status.by = by(entry);
              status.description = description(entry);
              status.failed = entry.hasFailed() ? Boolean.TRUE : null;
              return status;
            })
        .toList();
  }

  static String by(ActivityEntry entry) {
    if (entry.apiKeyInfo() != null) {
      return "API key " + entry.apiKeyInfo().name();
    }
    if (entry.initiatedBy() != null) {
      String name = entry.initiatedBy().fullName();
      return name == null || name.isBlank() ? entry.initiatedBy().id() : name;
    }
    return "Kinsta";
  }

  static String description(ActivityEntry entry) {
    String text =
        entry.descriptions() == null || entry.descriptions().isEmpty()
            ? entry.type()
            : String.join("; ", entry.descriptions());
    return text.length() > 300 ? text.substring(0, 300) : text;
  }
}
