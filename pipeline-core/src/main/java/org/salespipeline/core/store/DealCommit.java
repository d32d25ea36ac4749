package org.salespipeline.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.salespipeline.core.Activity;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.event.DealEvent;

/**
 * Everything one command writes about one deal; a store writes it all or nothing.
 *
 * @param expectedVersion the stored version the command was based on; 0 when it creates the deal
 * @param deal the deal after the command, with version {@code expectedVersion + 1}
 * @param events the events the command appends, in sequence order, continuing the deal's history
 * @param activities activities the command logs
 * @param retention a retention record the command creates or changes (version raised by one)
 * @param idempotencyKey the command's key; the store refuses a second commit with the same key
 * @param commandFingerprint a fingerprint of the command's content ({@link CommandFingerprint}),
 *     stored with the key: a later commit under the same key with another fingerprint is refused
 *     with {@link IdempotencyKeyReusedException}; empty when unknown (then never compared)
 */
public record DealCommit(
    long expectedVersion,
    Deal deal,
    List<DealEvent> events,
    List<Activity> activities,
    Optional<CustomerRetention> retention,
    Optional<String> idempotencyKey,
    Optional<String> commandFingerprint) {

  public DealCommit {
    Objects.requireNonNull(deal, "deal");
    events = List.copyOf(events);
    activities = List.copyOf(activities);
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(commandFingerprint, "commandFingerprint");
    if (deal.version() != expectedVersion + 1) {
      throw new IllegalArgumentException(
          "deal version "
              + deal.version()
              + " must be expectedVersion + 1 = "
              + (expectedVersion + 1));
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a commit appends at least one event");
    }
  }

  /**
   * A commit without a command fingerprint (see the canonical constructor for the parameters).
   *
   * @param expectedVersion the stored version the command was based on; 0 when it creates the deal
   * @param deal the deal after the command
   * @param events the events the command appends
   * @param activities activities the command logs
   * @param retention a retention record the command creates or changes
   * @param idempotencyKey the command's key
   */
  public DealCommit(
      long expectedVersion,
      Deal deal,
      List<DealEvent> events,
      List<Activity> activities,
      Optional<CustomerRetention> retention,
      Optional<String> idempotencyKey) {
    this(expectedVersion, deal, events, activities, retention, idempotencyKey, Optional.empty());
  }

  /**
   * This commit with a command fingerprint.
   *
   * @param fingerprint the fingerprint; not null
   * @return a copy carrying it
   */
  public DealCommit withCommandFingerprint(String fingerprint) {
    return new DealCommit(
        expectedVersion,
        deal,
        events,
        activities,
        retention,
        idempotencyKey,
        Optional.of(fingerprint));
  }

  /** Whether the commit creates the deal. */
  public boolean isCreate() {
    return expectedVersion == 0;
  }
}
