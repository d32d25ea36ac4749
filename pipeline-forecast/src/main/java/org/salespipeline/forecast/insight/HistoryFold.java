package org.salespipeline.forecast.insight;

import java.util.Optional;
import java.util.function.Consumer;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.qualification.QualificationResult;

/**
 * The single pass over the history: checks each event's place (grouped by deal, in sequence order),
 * interprets its change through {@link Change.Visitor} into the {@link CurrentDeal}, and hands the
 * deal to the sections when it moves between stages and when it ends. Holds one deal's events at a
 * time, never the whole history; the sections hold the counters and columns.
 *
 * <p>The fold is its own visitor, one object for every event: {@code change.accept(this)} is one
 * dispatch per event, and each kind's handling compiles with the kind's {@code accept}. An open
 * deal's frequent kinds reach their visit method by a class test instead (see {@link
 * #openDealChange}); the visitor still decides what every kind does.
 */
final class HistoryFold implements Consumer<DealEvent>, Change.Visitor<Void> {
  private final InsightSettings settings;
  private final Layout layout;
  private final long nowSec;
  private final ProgressListener progress;
  final Owners owners;
  final CurrentDeal deal = new CurrentDeal();
  final OpenDealTable open = new OpenDealTable();
  final FunnelCounts funnel;
  final StageDwell dwell;
  final StageWins wins;
  final OutcomeCounts outcomes;
  final WaterfallSnapshots waterfall;
  final QuotaProgress quotas;
  final RetentionFold retention;

  long events;
  long deals;

  // the event being folded
  private long expectedSequence;
  private long eventSeq;
  private long eventSec;

  private PipelineId lastPipelineKey;
  private int lastPipelineIdx;
  private static final int STAGE_CACHE = 16;
  private int stageCached;
  private int stageNext;
  private final String[] stageCacheKey = new String[STAGE_CACHE];
  private final int[] stageCachePipe = new int[STAGE_CACHE];
  private final int[] stageCacheIdx = new int[STAGE_CACHE];

  HistoryFold(InsightSettings settings, ProgressListener progress) {
    this.settings = settings;
    this.layout = settings.layout;
    this.nowSec = settings.nowSec;
    this.progress = progress;
    this.owners = new Owners();
    this.funnel = new FunnelCounts(settings, owners);
    this.dwell = new StageDwell(layout);
    this.wins = new StageWins(layout);
    this.outcomes = new OutcomeCounts(settings, owners);
    this.waterfall = new WaterfallSnapshots(settings);
    this.quotas = new QuotaProgress(settings, owners);
    this.retention = new RetentionFold(settings);
  }

  /**
   * The global index of a stage key of a pipeline. Histories share a few key instances, so the last
   * {@value #STAGE_CACHE} distinct instances are remembered and compared by identity, a few
   * reference comparisons instead of hashing the string (the layout stays authoritative, and raises
   * the error for unknown keys).
   */
  private int stage(int pipeline, String key) {
    for (int k = 0; k < stageCached; k++) {
      if (stageCacheKey[k] == key && stageCachePipe[k] == pipeline) {
        return stageCacheIdx[k];
      }
    }
    int g = layout.stage(pipeline, key);
    int slot = stageCached < STAGE_CACHE ? stageCached++ : stageNext++ & (STAGE_CACHE - 1);
    stageCacheKey[slot] = key;
    stageCachePipe[slot] = pipeline;
    stageCacheIdx[slot] = g;
    return g;
  }

  /** The pipeline's index, remembering the last instance (deals mostly share one). */
  private int pipeline(PipelineId id) {
    if (id != lastPipelineKey) {
      lastPipelineIdx = layout.pipeline(id);
      lastPipelineKey = id;
    }
    return lastPipelineIdx;
  }

  /** Folds one event: the header checks here, the change in the visitor method of its kind. */
  @Override
  public void accept(DealEvent e) {
    DealId id = e.dealId();
    if (id != deal.id && !id.equals(deal.id)) {
      nextDeal(id);
    }
    long seq = e.sequence();
    if (seq != expectedSequence) {
      throw outOfOrder(id, seq);
    }
    expectedSequence = seq + 1;
    if ((++events & 0xFFFFF) == 0) {
      progress.progress(events, -1);
    }
    long sec = e.at().getEpochSecond();
    waterfall.beforeEvent(sec, deal);
    Change change = e.change();
    if (sec > nowSec) {
      // a later event changes nothing, but the history must still start with Created
      if (seq == 1 && !Change.Created.TYPE.equals(change.typeName())) {
        throw mustStartWithCreated(id);
      }
      return;
    }
    eventSeq = seq;
    eventSec = sec;
    // why: the same dispatch at three call sites, one per phase of the deal, so that the JIT's
    // receiver profile of two of them stays narrow enough to inline the visit: a deal's first
    // change is always Created, and a closed deal mostly logs activities. Only an open deal's
    // later changes go through the one megamorphic call (see BENCHMARKS.md, insight).
    if (seq == 1) {
      change.accept(this);
      if (!deal.created) {
        throw mustStartWithCreated(id);
      }
    } else if (deal.status != CurrentDeal.OPEN) {
      change.accept(this);
    } else {
      openDealChange(change);
    }
  }

  /**
   * An open deal's later change. Open deals see seven kinds, too many for the JIT to inline the
   * visit behind one {@code accept} call site (about 8% of the analysis, see BENCHMARKS.md). The
   * frequent kinds are recognised here by their class (records are final: one class compare each)
   * and go straight to their visit method; every other kind goes through the visitor as before. The
   * fold still implements every visit method, so a new kind still fails compilation until it is
   * handled; this only chooses how the handler is reached.
   */
  private void openDealChange(Change change) {
    if (change instanceof Change.ActivityLogged activity) {
      visit(activity);
    } else if (change instanceof Change.StageChanged move) {
      visit(move);
    } else if (change instanceof Change.CloseDateChanged closeDate) {
      visit(closeDate);
    } else if (change instanceof Change.AmountChanged amount) {
      visit(amount);
    } else {
      change.accept(this);
    }
  }

  private void nextDeal(DealId id) {
    endDeal();
    deal.start(id);
    expectedSequence = 1;
    wins.startDeal();
    waterfall.startDeal();
  }

  private ValidationException outOfOrder(DealId id, long seq) {
    return new ValidationException(
        FieldProblem.of(
            "events",
            id + " #" + seq,
            "must arrive grouped by deal in sequence order; expected #" + expectedSequence));
  }

  private static ValidationException mustStartWithCreated(DealId id) {
    return new ValidationException(
        FieldProblem.of("events", id + " #1", "a deal's history must start with Created"));
  }

  private void requireCreated() {
    if (!deal.created) {
      throw mustStartWithCreated(deal.id);
    }
  }

  // ---- the changes, one visitor method per kind ----

  /** Remembers the activity; its instants are read when the deal ends open. */
  @Override
  public Void visit(Change.ActivityLogged change) {
    deal.addActivity(change);
    if (deal.status == CurrentDeal.WON && deal.createdDeal.account().isPresent()) {
      retention.activity(deal.createdDeal.account().get(), eventSec);
    }
    return null;
  }

  @Override
  public Void visit(Change.StageChanged change) {
    requireCreated();
    moveTo(stage(deal.pipe, change.to()), eventSec);
    return null;
  }

  @Override
  public Void visit(Change.Created change) {
    if (eventSeq != 1) {
      throw new ValidationException(
          FieldProblem.of("events", deal.id + " #" + eventSeq, "creates the deal twice"));
    }
    create(change.deal(), eventSec);
    return null;
  }

  @Override
  public Void visit(Change.CloseDateChanged change) {
    requireCreated();
    deal.closeDay = (int) change.to().toEpochDay();
    deal.pushes = change.pushCount();
    return null;
  }

  @Override
  public Void visit(Change.AmountChanged change) {
    requireCreated();
    deal.amount = settings.minor(change.to());
    return null;
  }

  @Override
  public Void visit(Change.OwnerChanged change) {
    requireCreated();
    deal.owner = owners.index(change.to());
    return null;
  }

  @Override
  public Void visit(Change.QualificationRecorded change) {
    deal.qualification = change.result().isQualified() ? (byte) 2 : (byte) 1;
    return null;
  }

  @Override
  public Void visit(Change.Won change) {
    close(CurrentDeal.WON);
    return null;
  }

  @Override
  public Void visit(Change.Lost change) {
    close(CurrentDeal.LOST);
    return null;
  }

  @Override
  public Void visit(Change.Disqualified change) {
    close(CurrentDeal.DISQUALIFIED);
    return null;
  }

  @Override
  public Void visit(Change.Reopened change) {
    deal.status = CurrentDeal.OPEN;
    deal.closedSec = CurrentDeal.NONE;
    return null;
  }

  @Override
  public Void visit(Change.DetailsChanged change) {
    if (change.fields().contains("source")) {
      deal.source = change.deal().source().ordinal();
    }
    return null;
  }

  /** The category plays no part in insight. */
  @Override
  public Void visit(Change.CategoryChanged change) {
    return null;
  }

  /** Insight uses stage probabilities learned from the history, not the rep's override. */
  @Override
  public Void visit(Change.ProbabilityOverrideChanged change) {
    return null;
  }

  /** An override is recorded with the change it allowed, which is folded on its own. */
  @Override
  public Void visit(Change.RuleOverridden change) {
    return null;
  }

  @Override
  public Void visit(Change.RetentionChanged change) {
    retention.status(change, owners.get(deal.owner), eventSec);
    return null;
  }

  @Override
  public Void visit(Change.RecurringRevenueChanged change) {
    retention.revenue(change, owners.get(deal.owner), eventSec);
    return null;
  }

  @Override
  public Void visit(Change.HealthChecked change) {
    retention.health(change, owners.get(deal.owner), eventSec);
    return null;
  }

  @Override
  public Void visit(Change.RenewalTermsSet change) {
    retention.terms(change, owners.get(deal.owner), eventSec);
    return null;
  }

  private void close(byte status) {
    deal.status = status;
    deal.closedSec = eventSec;
  }

  // create() is split into small pieces so that each inlines within the JIT's budget
  private void create(Deal d, long sec) {
    deal.created = true;
    deals++;
    deal.createdDeal = d;
    deal.clearActivities();
    deal.createdSec = sec;
    deal.cohort = settings.period(settings.day(sec));
    createKeys(d);
    createValues(d);
    deal.status = (byte) d.status().ordinal();
    deal.closedSec = deal.status == CurrentDeal.OPEN ? CurrentDeal.NONE : sec;
    int g = stage(deal.pipe, d.stage());
    deal.stage = g;
    deal.stageEntered = sec;
    // the creation is the deal's first move, in its cohort's period
    if (layout.isOpen(g)) {
      funnel.created(deal, g);
      wins.entered(g, sec);
    }
  }

  private void createKeys(Deal d) {
    deal.pipe = pipeline(d.pipeline());
    deal.owner = owners.index(d.owner());
    deal.source = d.source().ordinal();
  }

  private void createValues(Deal d) {
    deal.amount = settings.minor(d.amount());
    deal.closeDay = (int) d.expectedCloseDate().toEpochDay();
    deal.pushes = d.closeDatePushCount();
    Optional<QualificationResult> q = d.qualification();
    deal.qualification = q.isEmpty() ? 0 : q.get().isQualified() ? (byte) 2 : 1;
  }

  private void moveTo(int to, long sec) {
    int from = deal.stage;
    if (from == to) {
      return;
    }
    int mp = settings.period(settings.day(sec));
    if (layout.isOpen(from)) {
      dwell.left(from, sec - deal.stageEntered);
    }
    funnel.moved(deal, from, to, mp);
    deal.stage = to;
    deal.stageEntered = sec;
    if (layout.isOpen(to)) {
      wins.entered(to, sec);
    }
  }

  // ---- the end of a deal and of the pass ----

  private void endDeal() {
    if (deal.id == null || !deal.created) {
      return;
    }
    waterfall.endDeal(deal);
    if (deal.status == CurrentDeal.OPEN) {
      outcomes.endedOpen(deal);
      open.add(
          deal.id,
          deal.pipe,
          deal.stage,
          deal.owner,
          deal.amount,
          deal.closeDay,
          deal.pushes,
          deal.stageEntered,
          deal.lastActivity(),
          deal.followUp(),
          deal.qualification,
          deal.createdSec);
      return;
    }
    int closeDay = settings.day(deal.closedSec);
    outcomes.endedClosed(deal, settings.period(closeDay));
    if (deal.status == CurrentDeal.WON) {
      quotas.won(deal.owner, closeDay, deal.amount);
    }
    wins.closed(deal);
  }

  /** Ends the last deal and completes every section; call once after the last event. */
  void finish() {
    endDeal();
    deal.id = null;
    funnel.finish();
    outcomes.finish();
    dwell.finish();
    wins.finish();
  }
}
