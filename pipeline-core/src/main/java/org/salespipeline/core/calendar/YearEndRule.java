package org.salespipeline.core.calendar;

/**
 * Where a retail fiscal year ends, relative to its end month. The year always ends on the day
 * before the week-start day (the week-end day), so every year has 52 or 53 whole weeks: 53 when the
 * rule lands a week later than 52 weeks after the previous year's end.
 */
public enum YearEndRule {
  /** On the last week-end day in the end month (some 4-4-5 calendars). */
  LAST_IN_MONTH,
  /**
   * On the week-end day nearest the last day of the end month, which may fall in the first days of
   * the next month (NRF: the Saturday nearest January 31).
   */
  NEAREST_MONTH_END
}
