package org.salespipeline.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;

/**
 * The changes one command makes to one deal, collected before anything is written. The deal is
 * rebuilt from its events by {@link DealChanges}, the very interpretation replay uses, so the deal
 * and its events are consistent by construction: what is stored is exactly what replaying the
 * events gives. The rebuild waits until someone reads {@link #current()}, so a command that adds
 * several changes rebuilds the deal once.
 */
final class Draft {
  private final Deal before;
  private final long version;
  private final Instant at;
  private final UserId actor;
  private final Optional<String> key;
  // why: most commands add one event; held as an immutable list of one, the commit and the result
  // share it without a copy. A second event turns it into a growable list.
  private List<DealEvent> events = List.of();
  private boolean growable;
  private List<Activity> activities = List.of();
  private Optional<CustomerRetention> retention = Optional.empty();
  private Deal current;
  private long lastSequence;
  private int applied;

  Draft(Deal before, Instant at, UserId actor, Optional<String> key) {
    this(before, before.version() + 1, at, actor, key);
  }

  /** A draft whose events carry the given version (an import adds events to its creation). */
  Draft(Deal before, long version, Instant at, UserId actor, Optional<String> key) {
    this.before = before;
    this.current = before;
    this.lastSequence = before.lastEventSequence();
    this.version = version;
    this.at = at;
    this.actor = actor;
    this.key = key;
  }

  /** Appends a change; {@link #current()} shows it applied. */
  Draft add(Change change) {
    DealEvent event = new DealEvent(before.id(), ++lastSequence, version, at, actor, key, change);
    if (!growable) {
      if (events.isEmpty()) {
        events = List.of(event);
        return this;
      }
      events = new ArrayList<>(events);
      growable = true;
    }
    events.add(event);
    return this;
  }

  /** Logs an activity with the command. */
  Draft activity(Activity activity) {
    if (activities.isEmpty()) {
      activities = new ArrayList<>(2);
    }
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

  /** The deal with every change added so far applied. */
  Deal current() {
    if (applied == events.size() - 1
        && events.get(applied).change() instanceof Change.StageChanged moved) {
      // why: a plain move adds one stage change; built directly, without the attribute holder
      current = DealChanges.afterStageChange(current, events.get(applied), moved);
      applied++;
    } else if (applied < events.size()) {
      DealChanges changes = new DealChanges(current);
      for (; applied < events.size(); applied++) {
        changes.apply(events.get(applied));
      }
      current = changes.build();
    }
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
