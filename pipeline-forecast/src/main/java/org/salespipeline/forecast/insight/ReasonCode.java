package org.salespipeline.forecast.insight;

import java.util.List;
import java.util.Optional;

/**
 * The stable code of each kind of {@link Reason} the insight report gives, with the names of the
 * values it carries. A host translates a reason by its code and values; {@link Reason#text()} is
 * the English rendering.
 *
 * <p>A code's {@link #code() text} and value names never change once released; a new kind of reason
 * adds a constant. Value types: amounts are {@link org.salespipeline.core.Money} in the reporting
 * currency, durations {@link java.time.Duration}, counts and day counts {@link Long}, rates {@link
 * Double} in [0, 1], a mean load {@link Double}, stage keys {@link String}, owners {@link
 * org.salespipeline.core.UserId} (or a {@link List} of them).
 */
public enum ReasonCode {
  /**
   * A bottleneck: conversion out of the stage fell against the previous period. Values: {@code
   * stage}, {@code previousRate}, {@code rate}, {@code departures} (this period), {@code
   * previousDepartures}.
   */
  CONVERSION_FELL(
      "conversion_fell",
      "conversion out of {stage} fell from {previousRate%} to {rate%} ({departures|departure"
          + "|departures} this period against {previousDepartures} in the previous one)"),
  /**
   * A bottleneck: open deals stuck in the stage longer than its p90 stay (the smaller of the
   * stage's thresholds). Values: {@code deals}, {@code value}, {@code stage}, {@code threshold}.
   */
  STUCK_DEALS_BEYOND_P90(
      "stuck_deals_beyond_p90",
      "{deals|deal|deals} worth {value} stuck in {stage} beyond its p90 of {threshold}"),
  /**
   * A bottleneck: open deals stuck in the stage longer than its idle threshold (the smaller of the
   * stage's thresholds). Values: {@code deals}, {@code value}, {@code stage}, {@code threshold}.
   */
  STUCK_DEALS_BEYOND_IDLE_THRESHOLD(
      "stuck_deals_beyond_idle_threshold",
      "{deals|deal|deals} worth {value} stuck in {stage} beyond its idle threshold of"
          + " {threshold}"),
  /**
   * A bottleneck: deals lost or disqualified from the stage in the current period. Values: {@code
   * deals}, {@code value}, {@code stage}.
   */
  DROPPED_THIS_PERIOD(
      "dropped_this_period",
      "{deals|deal|deals} worth {value} lost or disqualified from {stage} this period"),
  /**
   * A bottleneck: owners (at least 5 departures) converting more than 10 points below the others in
   * the stage. Values: {@code owners}, {@code stage}, {@code overallRate} (the stage's conversion
   * over all history).
   */
  OWNERS_BELOW_PEERS(
      "owners_below_peers",
      "{owners} convert more than 10 points below their peers in {stage} ({overallRate%}"
          + " overall)"),
  /** A work item: its expected close date has passed. Values: {@code days} (since). */
  CLOSE_DATE_PASSED("close_date_passed", "close date passed {days|day|days} ago"),
  /** A work item: its expected close date is today. No values. */
  CLOSES_TODAY("closes_today", "closes today"),
  /** A work item: its expected close date is within a week. Values: {@code days} (until). */
  CLOSES_SOON("closes_soon", "closes in {days|day|days}"),
  /**
   * A deal in its stage longer than the stage's p90 stay (the smaller of the stage's thresholds).
   * Values: {@code stage}, {@code timeInStage}, {@code threshold}.
   */
  STUCK_BEYOND_P90(
      "stuck_beyond_p90", "in {stage} for {timeInStage}, beyond the stage's p90 of {threshold}"),
  /**
   * A deal in its stage longer than the stage's idle threshold (the smaller of the stage's
   * thresholds). Values: {@code stage}, {@code timeInStage}, {@code threshold}.
   */
  STUCK_BEYOND_IDLE_THRESHOLD(
      "stuck_beyond_idle_threshold",
      "in {stage} for {timeInStage}, beyond the stage's idle threshold of {threshold}"),
  /**
   * A deal without activity or stage move for longer than its stage's idle threshold, and no
   * follow-up ahead. Values: {@code idleFor}, {@code threshold}.
   */
  IDLE("idle", "no activity or stage move for {idleFor} (idle threshold {threshold})"),
  /** A deal whose latest follow-up is past due with no activity since. No values. */
  FOLLOW_UP_OVERDUE("follow_up_overdue", "a follow-up is overdue"),
  /** A deal whose close date was moved later. Values: {@code pushes}. */
  CLOSE_DATE_PUSHED("close_date_pushed", "close date pushed {pushes|time|times}"),
  /** A deal never qualified. No values. */
  NEVER_QUALIFIED("never_qualified", "never qualified"),
  /** A deal whose latest qualification did not pass. No values. */
  QUALIFICATION_NOT_PASSED("qualification_not_passed", "qualification not passed"),
  /**
   * A deal's expected value: its amount times the learned win rate from its stage. Values: {@code
   * expectedValue} (rounded to the minor unit), {@code winRate}, {@code amount}.
   */
  EXPECTED_VALUE("expected_value", "expected value {expectedValue} ({winRate%} of {amount})"),
  /**
   * A suggested move: the owner holds well above the mean load. Values: {@code owner}, {@code
   * openDeals}, {@code mean} (open deals per active owner), {@code idleOrStuck} (of the owner's
   * open deals, those idle, stuck or both, each counted once).
   */
  OWNER_OVERLOADED(
      "owner_overloaded",
      "{owner} holds {openDeals|open deal|open deals} against a mean of {mean}, {idleOrStuck} of"
          + " them idle or stuck"),
  /**
   * A suggested move: the receiving owner has room. Values: {@code owner}, {@code openDeals},
   * {@code winRate} (won / (won + lost) of the owner's closes).
   */
  RECEIVER_HAS_ROOM(
      "receiver_has_room",
      "{owner} holds {openDeals|open deal|open deals} and wins {winRate%} of closes"),
  /**
   * A suggested move: the receiving owner has room and has no won or lost deals yet. Values: {@code
   * owner}, {@code openDeals}.
   */
  RECEIVER_HAS_ROOM_NO_CLOSES(
      "receiver_has_room_no_closes",
      "{owner} holds {openDeals|open deal|open deals} and has no won or lost deals yet"),
  /**
   * Customer work: the account is at risk. Values: {@code atRiskFor} (since it was marked), {@code
   * reason} (as given, {@code "no reason given"} when none was).
   */
  CUSTOMER_AT_RISK("customer_at_risk", "at risk for {atRiskFor}: {reason}"),
  /**
   * Customer work: a renewal is due (or the account at risk) and nobody touched the account for
   * longer than the idle threshold. Values: {@code idleFor}, {@code threshold}.
   */
  RENEWAL_WITHOUT_ACTIVITY(
      "renewal_without_activity",
      "renewal due and no customer activity for {idleFor} (idle threshold {threshold})"),
  /**
   * Customer work: onboarding has taken longer than its target. Values: {@code onboardingFor},
   * {@code threshold}.
   */
  ONBOARDING_OVERDUE(
      "onboarding_overdue", "onboarding for {onboardingFor}, beyond the target of {threshold}"),
  /** Customer work: the renewal date has passed without a renewal. Values: {@code days} (since). */
  RENEWAL_DATE_PASSED(
      "renewal_date_passed", "renewal date passed {days|day|days} ago without a renewal"),
  /** Customer work: the renewal date is near. Values: {@code days} (until). */
  RENEWS_IN("renews_in", "renews in {days|day|days}"),
  /** Customer work: the account's recurring value. Values: {@code recurringValue}. */
  RECURRING_VALUE("recurring_value", "recurring value {recurringValue}");

  private final String code;
  private final String english;
  private final List<String> valueNames;

  ReasonCode(String code, String english) {
    this.code = code;
    this.english = english;
    this.valueNames = Reason.placeholders(english);
  }

  /** The stable text of the code, lower case with underscores, for example {@code idle}. */
  public String code() {
    return code;
  }

  /**
   * The names of the values a reason of this kind carries, in the order the English text states
   * them.
   */
  public List<String> valueNames() {
    return valueNames;
  }

  /** The code with the text, if there is one. */
  public static Optional<ReasonCode> ofCode(String code) {
    for (ReasonCode candidate : values()) {
      if (candidate.code.equals(code)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The English template: {@code {name}}, {@code {name%}} or {@code {name|one|many}}. */
  String english() {
    return english;
  }

  @Override
  public String toString() {
    return code;
  }
}
