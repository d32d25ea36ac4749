package org.salespipeline.examples.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.PipelineSnapshot;

/**
 * Snapshots of the default pipeline at many instants without replaying every deal each time: a
 * snapshot at T is given only the deals created by T that were still open, or closed within the
 * {@link #CLOSED_WINDOW} before T (the backtest reads closes of the month just ended, nothing
 * older). Why: {@link DealSnapshots#fromHistory} replays every history it is given, and the
 * backtest takes about 30 snapshots. Not thread-safe.
 */
final class HistoryWindows {
  /** Closed deals older than this before the snapshot instant are left out. */
  static final Duration CLOSED_WINDOW = Duration.ofDays(40);

  private final PipelineHistory history;
  private final List<List<DealEvent>> deals = new ArrayList<>();
  private final List<Instant> created = new ArrayList<>();
  private final List<Instant> closed = new ArrayList<>();

  HistoryWindows(PipelineHistory history) {
    this.history = history;
    List<DealEvent> events = history.events();
    int from = 0;
    for (int i = 1; i <= events.size(); i++) {
      if (i == events.size() || !events.get(i).dealId().equals(events.get(from).dealId())) {
        keep(events.subList(from, i));
        from = i;
      }
    }
  }

  private void keep(List<DealEvent> events) {
    Instant closedAt = Instant.MAX;
    for (DealEvent e : events) {
      Change c = e.change();
      if (c instanceof Change.Won || c instanceof Change.Lost || c instanceof Change.Disqualified) {
        closedAt = e.at();
      } else if (c instanceof Change.Reopened) {
        closedAt = Instant.MAX;
      }
    }
    deals.add(events);
    created.add(events.get(0).at());
    closed.add(closedAt);
  }

  /** The pipeline as it stood at the instant, with the deals closed shortly before it. */
  PipelineSnapshot snapshot(Instant at) {
    Instant oldest = at.minus(CLOSED_WINDOW);
    List<DealEvent> wanted = new ArrayList<>();
    for (int d = 0; d < deals.size(); d++) {
      if (!created.get(d).isAfter(at) && !closed.get(d).isBefore(oldest)) {
        wanted.addAll(deals.get(d));
      }
    }
    return DealSnapshots.fromHistory(
        wanted.stream(),
        history.definition(),
        history.currency(),
        at,
        history.zone(),
        history.converter());
  }
}
