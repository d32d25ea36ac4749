package org.salespipeline.core.store.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.salespipeline.core.call.Adjustment;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.CallHistory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.call.ConcurrentAdjustmentModificationException;
import org.salespipeline.core.call.ForecastCall;

/**
 * One workspace's forecast calls and adjustment versions in memory. Not thread-safe: the workspace
 * calls it under its own lock.
 */
final class ForecastCallLog {
  private record Key(CallPeriod period, String forecastType) {}

  private final Map<Key, List<ForecastCall>> calls = new HashMap<>();
  private final Set<UUID> callIds = new HashSet<>();
  private final Map<Key, List<Adjustment>> adjustments = new HashMap<>();
  private final Map<AdjustmentCell, Long> versions = new HashMap<>();

  void append(ForecastCall call) {
    if (!callIds.add(call.id())) {
      throw new IllegalArgumentException("forecast call " + call.id() + " is already stored");
    }
    calls
        .computeIfAbsent(new Key(call.period(), call.forecastType()), k -> new ArrayList<>())
        .add(call);
  }

  List<ForecastCall> calls(CallPeriod period, String forecastType) {
    return CallHistory.of(calls.getOrDefault(new Key(period, forecastType), List.of())).all();
  }

  void append(Adjustment adjustment) {
    long stored = versions.getOrDefault(adjustment.cell(), 0L);
    if (adjustment.version() != stored + 1) {
      throw new ConcurrentAdjustmentModificationException(
          adjustment.cell(), adjustment.version() - 1, stored);
    }
    versions.put(adjustment.cell(), adjustment.version());
    AdjustmentCell c = adjustment.cell();
    adjustments
        .computeIfAbsent(new Key(c.period(), c.forecastType()), k -> new ArrayList<>())
        .add(adjustment);
  }

  List<Adjustment> adjustments(CallPeriod period, String forecastType) {
    return List.copyOf(adjustments.getOrDefault(new Key(period, forecastType), List.of()));
  }
}
