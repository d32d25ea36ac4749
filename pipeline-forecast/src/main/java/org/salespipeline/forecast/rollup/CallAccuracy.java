package org.salespipeline.forecast.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallHistory;
import org.salespipeline.core.call.ForecastCall;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * How accurate each owner's calls were: each week of the period, the call in force at the week's
 * end scored against the actual, beside the library's own forecast at the same instant, so a
 * manager sees whose calls to trust and how the model compares. Reads only calls submitted by each
 * instant (no look-ahead). Stateless.
 */
public final class CallAccuracy {

  /**
   * The library's own forecast of a node for the period as it could have been computed at an
   * instant, for example the weighted roll-up of a snapshot rebuilt from the history up to it
   * ({@code DealSnapshots.fromStore}); must not look beyond the instant.
   */
  @FunctionalInterface
  public interface ModelForecast {
    /**
     * The forecast in minor units.
     *
     * @param node the owner
     * @param at the instant it is computed as of
     */
    long at(OrgNode node, Instant at);
  }

  private CallAccuracy() {}

  /**
   * The week-end instants of the period in the zone: the start of day 7, 14, ... after its first
   * day, the last capped at the period's end.
   */
  public static List<Instant> weekEnds(ForecastPeriod period, ZoneId zone) {
    List<Instant> out = new ArrayList<>();
    LocalDate d = period.start();
    while (d.isBefore(period.end())) {
      d = d.plusDays(7);
      LocalDate end = d.isAfter(period.end()) ? period.end() : d;
      out.add(end.atStartOfDay(zone).toInstant());
    }
    return out;
  }

  /**
   * Scores one owner's calls.
   *
   * @param node the owner
   * @param calls the owner's calls for the period
   * @param category which called amount to score (commit is the usual choice)
   * @param period the period
   * @param zone the zone week ends are taken in
   * @param actual what the owner won in the period, minor units
   * @param model the library's forecast at the same instants
   */
  public static OwnerCallAccuracy score(
      OrgNode node,
      CallHistory calls,
      CallCategory category,
      ForecastPeriod period,
      ZoneId zone,
      long actual,
      ModelForecast model) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(model, "model");
    List<WeeklyCallScore> weeks = new ArrayList<>();
    int w = 0;
    for (Instant at : weekEnds(period, zone)) {
      Optional<ForecastCall> call = calls.asOf(at);
      OptionalLong called =
          call.isPresent()
              ? OptionalLong.of(call.get().amount(category).toMinorUnits())
              : OptionalLong.empty();
      weeks.add(new WeeklyCallScore(w++, at, called, model.at(node, at), actual));
    }
    return OwnerCallAccuracy.of(node, category, weeks);
  }

  /**
   * Scores every owner that called in the period, in order of their first call.
   *
   * @param calls every call of the period and forecast type
   * @param actual what each owner won in the period, minor units
   */
  public static List<OwnerCallAccuracy> scoreAll(
      List<ForecastCall> calls,
      CallCategory category,
      ForecastPeriod period,
      ZoneId zone,
      ToLongFunction<OrgNode> actual,
      ModelForecast model) {
    Map<OrgNode, List<ForecastCall>> byNode = new LinkedHashMap<>();
    for (ForecastCall c : calls) {
      byNode.computeIfAbsent(c.node(), k -> new ArrayList<>()).add(c);
    }
    List<OwnerCallAccuracy> out = new ArrayList<>();
    byNode.forEach(
        (node, own) ->
            out.add(
                score(
                    node,
                    CallHistory.of(own),
                    category,
                    period,
                    zone,
                    actual.applyAsLong(node),
                    model)));
    return out;
  }
}
