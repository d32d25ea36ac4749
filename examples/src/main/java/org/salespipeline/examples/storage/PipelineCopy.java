package org.salespipeline.examples.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.examples.progress.Progress;

/**
 * Copies one workspace from a {@link ListingPipelineStore} into another store, in bulk: reference
 * data first, then every deal's history as the commits that wrote it (one commit per deal version,
 * so versions, sequences and activities come out as the engine wrote them), many deals per {@link
 * WorkspaceStore#commitAll} transaction, then retention records.
 *
 * <p>Why: writing a generated pipeline command by command through JDBC costs one transaction per
 * command; generating in memory and copying costs one per batch. Stateless.
 */
public final class PipelineCopy {
  /** Deals per transaction. */
  static final int DEALS_PER_BATCH = 250;

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
          batch.addAll(commits(history, from.activities(history.get(0).dealId())));
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
        batch.addAll(commits(history, from.activities(history.get(0).dealId())));
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

  /** The commits that wrote a history: one per deal version, each with the deal after it. */
  static List<DealCommit> commits(List<DealEvent> history, List<Activity> activities) {
    Map<ActivityId, Activity> byId = new HashMap<>();
    activities.forEach(a -> byId.put(a.id(), a));
    List<DealCommit> commits = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= history.size(); i++) {
      if (i < history.size() && history.get(i).dealVersion() == history.get(start).dealVersion()) {
        continue;
      }
      List<DealEvent> events = history.subList(start, i);
      List<Activity> logged = new ArrayList<>();
      for (DealEvent event : events) {
        if (event.change() instanceof Change.ActivityLogged a && byId.containsKey(a.activity())) {
          logged.add(byId.remove(a.activity()));
        }
      }
      long version = events.get(0).dealVersion();
      commits.add(
          new DealCommit(
              version - 1,
              DealHistory.replay(history.subList(0, i)),
              events,
              logged,
              java.util.Optional.empty(),
              events.get(0).idempotencyKey()));
      start = i;
    }
    return commits;
  }

  private static void copyRetention(CustomerRetention retention, WorkspaceStore to) {
    // why: a store accepts a retention record only one version after the stored one
    for (long v = 1; v <= retention.version(); v++) {
      to.commitRetention(CustomerRetention.builder().from(retention).version(v).build(), List.of());
    }
  }
}
