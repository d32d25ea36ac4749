package org.salespipeline.core.store;

import org.salespipeline.core.ForecastCategory;

/**
 * Receives the columns of one open deal during {@link WorkspaceStore#scanOpenDeals}, as primitives
 * and strings, so that a columnar load (for example a forecast snapshot of a million deals) never
 * builds {@link org.salespipeline.core.Deal} objects.
 *
 * <p>Only the values a store keeps as plain columns are passed. Values held only inside the stored
 * deal (probability override, close-date push count, stage entry time, attributes) are not; read
 * them through {@link WorkspaceStore#streamDeals} when they matter.
 *
 * <p>Called by one thread at a time, in deal id order; the arguments are valid only during the
 * call.
 */
@FunctionalInterface
public interface OpenDealVisitor {

  /**
   * One open deal.
   *
   * @param dealId the deal id as text ({@code DealId.toString()}: lowercase UUID)
   * @param stage the key of the deal's current stage
   * @param owner the owner's user id ({@code UserId.value()})
   * @param amountMinor the amount in minor units of {@code currency} ({@code Money.toMinorUnits()})
   * @param currency the ISO 4217 code of the amount
   * @param expectedCloseEpochDay the expected close date as epoch day
   * @param category the deal's forecast category
   * @param createdEpochSecond when the deal was created: seconds since the epoch
   * @param createdNano when the deal was created: nanosecond of that second, in [0, 999,999,999]
   */
  void visit(
      String dealId,
      String stage,
      String owner,
      long amountMinor,
      String currency,
      int expectedCloseEpochDay,
      ForecastCategory category,
      long createdEpochSecond,
      int createdNano);
}
