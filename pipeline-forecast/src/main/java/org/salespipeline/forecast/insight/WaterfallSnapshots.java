package org.salespipeline.forecast.insight;

import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.DealId;

/**
 * The waterfall section: takes two snapshots of each deal (its state at the waterfall's start and
 * end instants) during the pass, and at the end of the deal adds it to the bars (start, new, pulled
 * in, amount up or down, won, lost, pushed out, end) and to the stage moves between the two.
 */
final class WaterfallSnapshots {
  private static final int FROM = 0;
  private static final int TO = 1;

  private final InsightSettings settings;
  private final Layout layout;
  private final long wfFrom;
  private final long wfTo;
  private final long[] bar = new long[WaterfallStep.values().length];
  private final long[] barCount = new long[bar.length];
  private final List<List<DealId>> barDeals = new ArrayList<>();
  private long forwardMoves;
  private long backwardMoves;
  private long movedValue;
  private final List<DealId> movedDeals = new ArrayList<>();

  // the current deal's snapshots: [from, to]
  private final boolean[] snapTaken = new boolean[2];
  // the instant after which the next snapshot not yet taken is due (wfFrom <= wfTo), so that an
  // event costs one comparison for both
  private long nextSnapshotSec;
  private final boolean[] snapExists = new boolean[2];
  private final byte[] snapStatus = new byte[2];
  private final boolean[] snapIn = new boolean[2];
  private final long[] snapAmount = new long[2];
  private final int[] snapStage = new int[2];

  WaterfallSnapshots(InsightSettings settings) {
    this.settings = settings;
    this.layout = settings.layout;
    this.wfFrom = settings.wfFrom;
    this.wfTo = settings.wfTo;
    for (int i = 0; i < bar.length; i++) {
      barDeals.add(new ArrayList<>());
    }
  }

  // ---- the pass ----

  /** A new deal begins: no snapshot taken. */
  void startDeal() {
    snapTaken[FROM] = false;
    snapTaken[TO] = false;
    nextSnapshotSec = wfFrom;
  }

  /** An event at {@code sec} is about to change the deal: takes the snapshots due before it. */
  void beforeEvent(long sec, CurrentDeal deal) {
    if (sec > nextSnapshotSec) {
      snapshotsBefore(sec, deal);
    }
  }

  private void snapshotsBefore(long sec, CurrentDeal deal) {
    if (sec > wfFrom && !snapTaken[FROM]) {
      snapshot(FROM, deal);
    }
    if (sec > wfTo && !snapTaken[TO]) {
      snapshot(TO, deal);
    }
    nextSnapshotSec = !snapTaken[FROM] ? wfFrom : !snapTaken[TO] ? wfTo : Long.MAX_VALUE;
  }

  private void snapshot(int i, CurrentDeal deal) {
    snapTaken[i] = true;
    snapExists[i] = deal.created;
    if (deal.created) {
      snapStatus[i] = deal.status;
      snapIn[i] = deal.status == CurrentDeal.OPEN && settings.inWindow(deal.closeDay);
      snapAmount[i] = deal.amount;
      snapStage[i] = deal.stage;
    } else {
      snapIn[i] = false;
    }
  }

  /** The (created) deal ended: takes the snapshots still due and adds it to the bars. */
  void endDeal(CurrentDeal deal) {
    if (!snapTaken[FROM]) {
      snapshot(FROM, deal);
    }
    if (!snapTaken[TO]) {
      snapshot(TO, deal);
    }
    DealId id = deal.id;
    boolean inF = snapIn[FROM];
    boolean inT = snapIn[TO];
    long amtF = snapAmount[FROM];
    long amtT = snapAmount[TO];
    if (inF) {
      addBar(WaterfallStep.START, amtF, id);
    }
    if (inT) {
      addBar(WaterfallStep.END, amtT, id);
    }
    boolean openAtFrom = snapExists[FROM] && snapStatus[FROM] == CurrentDeal.OPEN;
    long closedSec = deal.closedSec;
    if (inF) {
      amountChange(amtT - amtF, id);
      if (!inT) {
        addBar(outflow(), amtT, id);
      }
    } else if (inT) {
      addBar(openAtFrom ? WaterfallStep.PULLED_IN : WaterfallStep.NEW, amtT, id);
    } else if (snapExists[TO]
        && snapStatus[TO] != CurrentDeal.OPEN
        && closedSec > wfFrom
        && closedSec <= wfTo
        && settings.inWindow(settings.day(closedSec))) {
      addBar(openAtFrom ? WaterfallStep.PULLED_IN : WaterfallStep.NEW, amtT, id);
      addBar(outflow(), amtT, id);
    }
    if ((inF || inT) && openAtFrom && snapStage[FROM] != snapStage[TO]) {
      int a = layout.position[snapStage[FROM]];
      int b = layout.position[snapStage[TO]];
      if (b > a) {
        forwardMoves++;
      } else if (b >= 0) {
        backwardMoves++;
      } else {
        return;
      }
      movedValue += amtT;
      if (movedDeals.size() < settings.listLimit) {
        movedDeals.add(id);
      }
    }
  }

  private WaterfallStep outflow() {
    byte s = snapStatus[TO];
    return s == CurrentDeal.WON
        ? WaterfallStep.WON
        : s == CurrentDeal.OPEN ? WaterfallStep.PUSHED_OUT : WaterfallStep.LOST;
  }

  private void amountChange(long delta, DealId id) {
    if (delta > 0) {
      addBar(WaterfallStep.AMOUNT_UP, delta, id);
    } else if (delta < 0) {
      addBar(WaterfallStep.AMOUNT_DOWN, -delta, id);
    }
  }

  private void addBar(WaterfallStep step, long value, DealId id) {
    int i = step.ordinal();
    bar[i] += value;
    barCount[i]++;
    List<DealId> list = barDeals.get(i);
    if (list.size() < settings.listLimit) {
      list.add(id);
    }
  }

  // ---- the report ----

  /** The waterfall between the two instants. */
  Waterfall waterfall() {
    List<WaterfallBar> bars = new ArrayList<>();
    for (WaterfallStep s : WaterfallStep.values()) {
      int i = s.ordinal();
      bars.add(new WaterfallBar(s, bar[i], barCount[i], List.copyOf(barDeals.get(i))));
    }
    return new Waterfall(
        settings.waterfallFrom,
        settings.waterfallTo,
        settings.window,
        List.copyOf(bars),
        forwardMoves,
        backwardMoves,
        movedValue,
        List.copyOf(movedDeals));
  }
}
