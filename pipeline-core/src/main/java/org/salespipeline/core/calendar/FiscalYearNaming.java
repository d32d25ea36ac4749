package org.salespipeline.core.calendar;

/**
 * How fiscal years are numbered in labels such as {@code Q3 FY2027}. A fiscal year is identified by
 * its anchor months: the month it starts in and the month it ends in (for a retail calendar, its
 * end month, whatever day the year actually ends on).
 */
public enum FiscalYearNaming {
  /**
   * By the calendar year of the fiscal year's last month (the default): a year from February 2026
   * to January 2027 is FY2027.
   */
  END_YEAR,
  /**
   * By the calendar year of the fiscal year's first month (the NRF convention): a year from
   * February 2026 to January 2027 is FY2026.
   */
  START_YEAR
}
