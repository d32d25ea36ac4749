package org.salespipeline.forecast.insight;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.RetentionPolicy;
import org.salespipeline.core.UserId;
import org.salespipeline.forecast.retention.ChurnReason;

/**
 * The Post-Sale/Retention section of an {@link InsightReport}: the customers that need attention
 * (the customer-success work lists) and the churn reasons ranked, rebuilt from the retention events
 * in the history up to the analysis instant. Amounts are minor units of the report currency.
 * Immutable and thread-safe.
 *
 * <p>Signals: an account at risk; a renewal due (status RENEWAL_DUE or AT_RISK) with no customer
 * activity (a retention change, a health check, renewal terms, or an activity logged on the
 * account's won deals) for the builder's {@link PipelineInsight.Builder#customerIdle customer idle
 * threshold} ({@link #CUSTOMER_IDLE} by default); onboarding longer than the builder's {@link
 * PipelineInsight.Builder#onboardingTarget onboarding target} (the standard policy's {@link
 * RetentionPolicy#onboardingTarget()} by default); a renewal within the builder's {@link
 * PipelineInsight.Builder#renewalLeadTime renewal lead time} (the standard policy's {@link
 * RetentionPolicy#renewalLeadTime()} by default) or past its date.
 */
public final class RetentionInsight {
  /**
   * How long a renewal due may go without customer activity before it is flagged, unless the
   * builder's {@link PipelineInsight.Builder#customerIdle} says otherwise.
   */
  public static final Duration CUSTOMER_IDLE = Duration.ofDays(30);

  private final long customers;
  private final long recurringValue;
  private final long atRisk;
  private final long atRiskValue;
  private final List<CustomerWork> signals;
  private final Map<UserId, List<CustomerWork>> workLists;
  private final List<ChurnReason> churnReasons;

  RetentionInsight(
      long customers,
      long recurringValue,
      long atRisk,
      long atRiskValue,
      List<CustomerWork> signals,
      Map<UserId, List<CustomerWork>> workLists,
      List<ChurnReason> churnReasons) {
    this.customers = customers;
    this.recurringValue = recurringValue;
    this.atRisk = atRisk;
    this.atRiskValue = atRiskValue;
    this.signals = List.copyOf(signals);
    this.workLists = workLists;
    this.churnReasons = List.copyOf(churnReasons);
  }

  /** Accounts in retention that have not churned. */
  public long customers() {
    return customers;
  }

  /** The recurring value of those accounts. */
  public long recurringValue() {
    return recurringValue;
  }

  /** Accounts at risk. */
  public long atRisk() {
    return atRisk;
  }

  /** The recurring value of the accounts at risk. */
  public long atRiskValue() {
    return atRiskValue;
  }

  /**
   * Every customer with a signal, highest score first (ties by account); at most the list limit.
   */
  public List<CustomerWork> signals() {
    return signals;
  }

  /**
   * Per owner, the customers to look after today, highest score first; at most the work list size.
   */
  public Map<UserId, List<CustomerWork>> workLists() {
    return workLists;
  }

  /** One owner's customer-success work list; empty for an owner without any. */
  public List<CustomerWork> workList(UserId owner) {
    return workLists.getOrDefault(owner, List.of());
  }

  /**
   * Why customers churned (fully or partly) up to the analysis instant, most often given first,
   * then most revenue lost.
   */
  public List<ChurnReason> churnReasons() {
    return churnReasons;
  }
}
