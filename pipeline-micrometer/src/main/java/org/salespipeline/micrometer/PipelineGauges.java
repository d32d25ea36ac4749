package org.salespipeline.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.salespipeline.core.Board;
import org.salespipeline.core.BoardColumn;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the open pipeline per stage: the number of open deals ({@value #OPEN_DEALS}) and their
 * amount in the reporting currency ({@value #OPEN_AMOUNT}), tagged {@code pipeline}, {@code stage}
 * (and {@code currency} for the amount). The values come from the engine's board, read at most once
 * per {@code maxAge} when a registry reads a gauge (never per command); between reads every gauge
 * answers from the cached boards. A failed read keeps the previous values and is logged.
 *
 * <p>Registers gauges for every open stage of the engine's pipelines at the time of {@link
 * #register}. Thread-safe.
 */
public final class PipelineGauges {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineGauges.class);

  /** Gauge of open deals per pipeline and stage. */
  public static final String OPEN_DEALS = "salespipeline.open.deals";

  /** Gauge of the open amount per pipeline and stage, in the reporting currency. */
  public static final String OPEN_AMOUNT = "salespipeline.open.amount";

  private final SalesPipeline pipeline;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private Map<PipelineId, Board> boards = Map.of();
  private long readAt;
  private boolean read;
  private int reads;

  private PipelineGauges(SalesPipeline pipeline, Duration maxAge, LongSupplier nanoTime) {
    this.pipeline = pipeline;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Registers the gauges of every open stage of the engine's pipelines.
   *
   * @param maxAge how old the cached boards may get before a gauge read refreshes them; zero or
   *     positive
   * @throws IllegalArgumentException if {@code maxAge} is negative
   */
  public static PipelineGauges register(
      SalesPipeline pipeline, MeterRegistry registry, Duration maxAge) {
    return register(pipeline, registry, maxAge, System::nanoTime);
  }

  static PipelineGauges register(
      SalesPipeline pipeline, MeterRegistry registry, Duration maxAge, LongSupplier nanoTime) {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(registry, "registry");
    if (maxAge == null || maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must be zero or positive, was " + maxAge);
    }
    PipelineGauges gauges = new PipelineGauges(pipeline, maxAge, nanoTime);
    String currency = pipeline.reportingCurrency().getCurrencyCode();
    for (PipelineDefinition definition : pipeline.pipelines()) {
      for (Stage stage : definition.stages()) {
        if (!stage.isOpen()) {
          continue;
        }
        PipelineId id = definition.id();
        String key = stage.key();
        Gauge.builder(OPEN_DEALS, gauges, g -> g.column(id, key, true))
            .description("Open deals per pipeline and stage (cached)")
            .strongReference(true)
            .tag("pipeline", id.value())
            .tag("stage", key)
            .register(registry);
        Gauge.builder(OPEN_AMOUNT, gauges, g -> g.column(id, key, false))
            .description("Open amount per pipeline and stage in the reporting currency (cached)")
            .strongReference(true)
            .tag("pipeline", id.value())
            .tag("stage", key)
            .tag("currency", currency)
            .register(registry);
      }
    }
    return gauges;
  }

  /** How many times the boards were read from the store (for tests and diagnostics). */
  public synchronized int reads() {
    return reads;
  }

  /** Drops the cache: the next gauge read reads the boards again. */
  public synchronized void invalidate() {
    read = false;
  }

  private synchronized double column(PipelineId id, String stage, boolean count) {
    refreshIfStale();
    Board board = boards.get(id);
    if (board == null) {
      return Double.NaN;
    }
    for (BoardColumn column : board.columns()) {
      if (column.stage().key().equals(stage)) {
        return count ? column.count() : column.total().amount().doubleValue();
      }
    }
    return 0;
  }

  private void refreshIfStale() {
    long now = nanoTime.getAsLong();
    if (read && now - readAt < maxAgeNanos) {
      return;
    }
    try {
      Map<PipelineId, Board> fresh = new HashMap<>();
      for (PipelineDefinition definition : pipeline.pipelines()) {
        fresh.put(definition.id(), pipeline.board(definition.id(), pipeline.reportingCurrency()));
      }
      boards = fresh;
      reads++;
    } catch (PipelineException e) {
      LOG.warn("could not refresh the open-pipeline gauges; keeping the previous values", e);
    }
    // why: also after a failure, so a failing store is not read on every gauge read
    readAt = now;
    read = true;
  }
}
