package org.salespipeline.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A customer-success work item: an account whose retention needs attention, with why.
 *
 * @param kind what needs attention
 * @param retention the account's record as read
 * @param waiting how long the condition has lasted (since the last activity, since onboarding
 *     started, or since the follow-up fell due)
 */
public record RetentionSignal(Kind kind, CustomerRetention retention, Duration waiting) {

  /** What needs attention, most urgent first. */
  public enum Kind {
    /**
     * The renewal is due (or the account at risk) and nobody has touched it for the idle period.
     */
    RENEWAL_WITHOUT_ACTIVITY,
    /** Onboarding has taken longer than the policy's onboarding target. */
    ONBOARDING_OVERDUE,
    /** A customer-success follow-up is past due. */
    FOLLOW_UP_OVERDUE
  }

  public RetentionSignal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(waiting, "waiting");
  }
}
