package org.salespipeline.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;

/**
 * The changes one command makes to one deal, collected before anything is written. Applying each
 * change through {@link DealHistory#apply} keeps the deal and its events consistent by
 * construction: what is stored is exactly what replaying the events gives.
 */
final class Draft {
  private final Deal before;
  private final long version;
  private final Instant at;
  private final UserId actor;
  private final Optional<String> key;
  private final List<DealEvent> events = new ArrayList<>();
  private final List<Activity> activities = new ArrayList<>();
  private Optional<CustomerRetention> retention = Optional.empty();
  private Deal current;

  Draft(Deal before, Instant at, UserId actor, Optional<String> key) {
    this(before, before.version() + 1, at, actor, key);
  }

  /** A draft whose events carry the given version (an import adds events to its creation). */
  Draft(Deal before, long version, Instant at, UserId actor, Optional<String> key) {
    this.before = before;
    this.current = before;
    this.version = version;
    this.at = at;
    this.actor = actor;
    this.key = key;
  }

  /** Appends a change and applies it. */
  Draft add(Change change) {
    DealEvent event =
        new DealEvent(
            current.id(), current.lastEventSequence() + 1, version, at, actor, key, change);
    current = DealHistory.apply(current, event);
    events.add(event);
    return this;
  }

  /** Logs an activity with the command. */
  Draft activity(Activity activity) {
    activities.add(activity);
    return this;
  }

  /** Creates or changes the account's retention record with the command. */
  Draft retention(CustomerRetention retention) {
    this.retention = Optional.of(retention);
    return this;
  }

  List<Activity> activities() {
    return activities;
  }

  Optional<CustomerRetention> retentionChange() {
    return retention;
  }

  UserId actor() {
    return actor;
  }

  Optional<String> key() {
    return key;
  }

  Deal before() {
    return before;
  }

  Deal current() {
    return current;
  }

  List<DealEvent> events() {
    return events;
  }

  boolean isEmpty() {
    return events.isEmpty();
  }

  Instant at() {
    return at;
  }
}
