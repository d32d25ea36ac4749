package org.salespipeline.testkit;

import org.salespipeline.core.Deal;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.store.WorkspaceStore;

/** The values {@link WorkspaceStore#scanOpenDeals} passes for one deal. */
record ScannedDeal(
    String id,
    String stage,
    String owner,
    long amountMinor,
    String currency,
    int closeDay,
    ForecastCategory category,
    long createdSecond,
    int createdNano) {

  static ScannedDeal of(Deal d) {
    return new ScannedDeal(
        d.id().toString(),
        d.stage(),
        d.owner().value(),
        d.amount().toMinorUnits(),
        d.amount().currency().getCurrencyCode(),
        Math.toIntExact(d.expectedCloseDate().toEpochDay()),
        d.forecastCategory(),
        d.createdAt().getEpochSecond(),
        d.createdAt().getNano());
  }
}
