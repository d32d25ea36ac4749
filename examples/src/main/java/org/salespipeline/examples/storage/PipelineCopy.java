package org.salespipeline.examples.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.examples.progress.Progress;

/**
 * Copies one workspace from a {@link ListingPipelineStore} into another store, in bulk: reference
 * data first, then each deal with its whole history and activities as one creating commit, {@value
 * #DEALS_PER_BATCH} deals per {@link WorkspaceStore#commitAll} transaction (the JDBC store writes
 * such a batch with JDBC batches), then retention records.
 *
 * <p>Like {@code SalesPipeline.importDeals}, the copy writes each deal as version 1: event
 * sequences, times, actors and changes are kept, but every event is stamped with deal version 1, as
 * if one import had written the history. Why: a store accepts a deal only one version at a time,
 * and writing a generated pipeline command by command through JDBC costs one transaction per
 * command; this costs one per batch. Stateless.
 */
public final class PipelineCopy {
  /** Deals per transaction. */
  static final int DEALS_PER_BATCH = 1_000;

  private PipelineCopy() {}

  /**
   * Copies the workspace. The target workspace should be empty.
   *
   * @param source where the workspace was generated
   * @param workspace the workspace to copy
   * @param target where to copy it
   * @param progress hears (deals copied, -1)
   * @return how many deals were copied
   * @throws org.salespipeline.core.ConcurrentDealModificationException if a deal already exists in
   *     the target
   */
  public static int copy(
      ListingPipelineStore source, WorkspaceId workspace, PipelineStore target, Progress progress) {
    WorkspaceStore from = source.workspace(workspace);
    WorkspaceStore to = target.workspace(workspace);
    from.pipelines().forEach(to::savePipeline);
    from.teams().forEach(to::saveTeam);
    from.quotas().forEach(to::saveQuota);
    List<AccountId> accounts = source.accounts(workspace);
    accounts.forEach(id -> from.account(id).ifPresent(to::saveAccount));
    source.contacts(workspace).forEach(id -> from.contact(id).ifPresent(to::saveContact));
    int deals = 0;
    List<DealCommit> batch = new ArrayList<>();
    int inBatch = 0;
    try (Stream<DealEvent> events = from.streamEvents(EventQuery.all())) {
      List<DealEvent> history = new ArrayList<>();
      for (DealEvent event : (Iterable<DealEvent>) events::iterator) {
        if (!history.isEmpty() && !history.get(0).dealId().equals(event.dealId())) {
          batch.add(importCommit(history, from.activities(history.get(0).dealId())));
          history = new ArrayList<>();
          deals++;
          if (++inBatch == DEALS_PER_BATCH) {
            to.commitAll(batch);
            batch.clear();
            inBatch = 0;
            progress.update(deals, -1);
          }
        }
        history.add(event);
      }
      if (!history.isEmpty()) {
        batch.add(importCommit(history, from.activities(history.get(0).dealId())));
        deals++;
      }
    }
    to.commitAll(batch);
    progress.update(deals, -1);
    for (AccountId account : accounts) {
      from.retention(account).ifPresent(r -> copyRetention(r, to));
      from.accountActivities(account).stream()
          .filter(a -> a.deal().isEmpty())
          .forEach(to::saveAccountActivity);
    }
    return deals;
  }

  /** The history as one creating commit of version 1, with the deal's activities. */
  static DealCommit importCommit(List<DealEvent> history, List<Activity> activities) {
    List<DealEvent> events = new ArrayList<>(history.size());
    for (DealEvent e : history) {
      events.add(
          new DealEvent(
              e.dealId(), e.sequence(), 1, e.at(), e.actor(), e.idempotencyKey(), e.change()));
    }
    Deal deal = Deal.builder().from(DealHistory.replay(history)).version(1).build();
    return new DealCommit(0, deal, events, activities, Optional.empty(), Optional.empty());
  }

  private static void copyRetention(CustomerRetention retention, WorkspaceStore to) {
    // why: a store accepts a retention record only one version after the stored one
    for (long v = 1; v <= retention.version(); v++) {
      to.commitRetention(CustomerRetention.builder().from(retention).version(v).build(), List.of());
    }
  }
}
