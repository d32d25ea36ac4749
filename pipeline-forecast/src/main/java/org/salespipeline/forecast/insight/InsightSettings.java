package org.salespipeline.forecast.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Money;
import org.salespipeline.core.Quota;
import org.salespipeline.core.Team;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The settings of one analysis, shared by every section of the fold and the report: the layout of
 * the stages, the analysis instant and its day, the reporting periods, the waterfall's instants and
 * window, the list sizes and thresholds, and the conversion of amounts to minor units. Immutable;
 * sections read it and never write to it.
 */
final class InsightSettings {
  final Layout layout;
  final Currency currency;
  private final CurrencyConverter converter;
  private final LocalDate rateDate;

  /** The analysis instant, in epoch seconds, and its day in the analysis zone. */
  final Instant now;

  final long nowSec;
  final int today;
  private final long offsetSec;
  final List<ForecastPeriod> periods;

  /** The index of the period holding today (the last one when none does). */
  final int current;

  private final int[] periodStart;
  private final int[] periodEnd;
  private final int[] periodTable;
  private final int tableStart;

  final Instant waterfallFrom;
  final Instant waterfallTo;
  final long wfFrom;
  final long wfTo;
  final ForecastPeriod window;
  private final int windowStart;
  private final int windowEnd;

  final int listLimit;
  final int workListSize;
  final int maxSuggestedMoves;
  final double coverageTarget;
  final double idleAlertShare;
  final long customerIdleSec;
  final long onboardingTargetSec;
  final java.time.Duration onboardingTarget;
  final java.time.Duration customerIdle;
  final int renewalLeadDays;
  final List<Quota> quotas;
  final List<Team> teams;

  InsightSettings(
      PipelineInsight config,
      Layout layout,
      Instant now,
      LocalDate today,
      long offsetSec,
      List<ForecastPeriod> periods,
      int current,
      Instant waterfallFrom,
      Instant waterfallTo,
      ForecastPeriod window) {
    this.layout = layout;
    this.currency = config.currency;
    this.converter = config.converter;
    this.now = now;
    this.nowSec = now.getEpochSecond();
    this.today = (int) today.toEpochDay();
    this.rateDate = today;
    this.offsetSec = offsetSec;
    this.periods = periods;
    this.current = current;
    this.periodStart = new int[periods.size()];
    this.periodEnd = new int[periods.size()];
    for (int i = 0; i < periods.size(); i++) {
      periodStart[i] = periods.get(i).startDay();
      periodEnd[i] = periods.get(i).endDay();
    }
    if (periodStart.length == 0) {
      tableStart = 0;
      periodTable = new int[0];
    } else if (periodEnd[periodEnd.length - 1] - periodStart[0] > 100_000) {
      // why: a day table over centuries would be large; such periods are searched instead
      tableStart = Integer.MAX_VALUE;
      periodTable = new int[0];
    } else {
      tableStart = periodStart[0];
      periodTable = new int[periodEnd[periodEnd.length - 1] - tableStart];
      for (int d = 0; d < periodTable.length; d++) {
        periodTable[d] = search(tableStart + d);
      }
    }
    this.waterfallFrom = waterfallFrom;
    this.waterfallTo = waterfallTo;
    this.wfFrom = waterfallFrom.getEpochSecond();
    this.wfTo = waterfallTo.getEpochSecond();
    this.window = window;
    this.windowStart = window.startDay();
    this.windowEnd = window.endDay();
    this.listLimit = config.listLimit;
    this.workListSize = config.workListSize;
    this.maxSuggestedMoves = config.maxSuggestedMoves;
    this.coverageTarget = config.coverageTarget;
    this.idleAlertShare = config.idleAlertShare;
    this.customerIdle = config.customerIdle;
    this.customerIdleSec = config.customerIdle.getSeconds();
    this.onboardingTarget = config.onboardingTarget;
    this.onboardingTargetSec = config.onboardingTarget.getSeconds();
    // why: a lead time in months is as long as the calendar makes it from today
    this.renewalLeadDays =
        (int) (today.plus(config.renewalLeadTime).toEpochDay() - today.toEpochDay());
    this.quotas = config.quotas;
    this.teams = config.teams;
  }

  /** The day (in the analysis zone's offset at the analysis instant) of an epoch second. */
  int day(long epochSecond) {
    return (int) Math.floorDiv(epochSecond + offsetSec, 86_400L);
  }

  /** The index of the reporting period holding the day, or -1. */
  int period(int epochDay) {
    if (tableStart == Integer.MAX_VALUE) {
      return search(epochDay);
    }
    int i = epochDay - tableStart;
    return i >= 0 && i < periodTable.length ? periodTable[i] : -1;
  }

  private int search(int epochDay) {
    int lo = 0;
    int hi = periodStart.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (epochDay < periodStart[mid]) {
        hi = mid - 1;
      } else if (epochDay >= periodEnd[mid]) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Whether a close day falls in the waterfall's window. */
  boolean inWindow(int epochDay) {
    return epochDay >= windowStart && epochDay < windowEnd;
  }

  /** The amount in minor units of the reporting currency, converted at today's rate. */
  long minor(Money money) {
    if (money.currency() == currency) {
      // Money normalises its scale to the currency's digits, so this only moves the point:
      // no BigInteger is allocated, unlike BigDecimal.unscaledValue()
      return money.minorUnitsWithinLimit();
    }
    return converter.convert(money, currency, rateDate).minorUnitsWithinLimit();
  }

  /** The amount in minor units of the reporting currency, always through the converter. */
  long converted(Money money) {
    return converter.convert(money, currency, rateDate).minorUnitsWithinLimit();
  }
}
