package org.salespipeline.forecast.insight;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.event.Change;

/**
 * The state of the deal being folded, as primitive fields: written only by {@link HistoryFold} as
 * it interprets the deal's changes, read by the sections when the deal moves and when it ends.
 * Stage, owner, pipeline and period are dense indexes ({@link Layout}, {@link Owners}, {@link
 * InsightSettings#period}); amounts are minor units of the reporting currency.
 */
final class CurrentDeal {
  static final byte OPEN = 0;
  static final byte WON = 1;
  static final byte LOST = 2;
  static final byte DISQUALIFIED = 3;

  /** No instant: a missing activity or follow-up, the close of a deal still open. */
  static final long NONE = Long.MIN_VALUE;

  DealId id;
  boolean created;
  int pipe;
  int stage;
  long stageEntered;
  int owner;
  int source;
  long createdSec;

  /** The reporting period of the creation, or -1. */
  int cohort;

  long amount;
  int closeDay;
  int pushes;

  /** 0 never qualified, 1 qualification not passed, 2 qualified. */
  byte qualification;

  /** {@link #OPEN}, {@link #WON}, {@link #LOST} or {@link #DISQUALIFIED}. */
  byte status;

  long closedSec;

  // Activity instants only matter for deals still open at the end, so the fold keeps references
  // (the created deal and its activity changes) and reads the instants for open deals only,
  // saving two dependent loads (Optional, Instant) per activity event otherwise.
  Deal createdDeal;
  private Change.ActivityLogged[] activities = new Change.ActivityLogged[16];
  private int activityCount;

  /** Begins a deal: nothing created yet, no activity remembered. */
  void start(DealId deal) {
    id = deal;
    created = false;
    clearActivities();
  }

  /**
   * Forgets the remembered activities. The stale references are not cleared: nulling them cost
   * about 4% of the pass, and they pin at most one deal's changes, which the caller holds anyway.
   */
  void clearActivities() {
    activityCount = 0;
  }

  /** Remembers the activity; its instants are read if the deal ends open. */
  void addActivity(Change.ActivityLogged a) {
    if (activityCount == activities.length) {
      activities = Arrays.copyOf(activities, activityCount * 2);
    }
    activities[activityCount++] = a;
  }

  /** The latest activity (created value or logged), or NONE. */
  long lastActivity() {
    long last = seconds(createdDeal.lastActivityAt());
    for (int i = 0; i < activityCount; i++) {
      Optional<Instant> at = activities[i].occurredAt();
      if (at.isPresent()) {
        last = Math.max(last, at.get().getEpochSecond());
      }
    }
    return last;
  }

  /** The latest follow-up due (created value or logged), or NONE. */
  long followUp() {
    long due = seconds(createdDeal.followUpDueAt());
    for (int i = 0; i < activityCount; i++) {
      Optional<Instant> at = activities[i].dueAt();
      if (at.isPresent()) {
        due = Math.max(due, at.get().getEpochSecond());
      }
    }
    return due;
  }

  private static long seconds(Optional<Instant> at) {
    return at.isPresent() ? at.get().getEpochSecond() : NONE;
  }
}
