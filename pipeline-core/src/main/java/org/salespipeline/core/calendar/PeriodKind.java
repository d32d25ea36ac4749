package org.salespipeline.core.calendar;

/** The kinds of fiscal period a {@link FiscalCalendar} cuts time into, longest first. */
public enum PeriodKind {
  /** A fiscal year: four quarters. */
  YEAR,
  /** A fiscal quarter: three fiscal months. */
  QUARTER,
  /** A fiscal month: a calendar month, or four or five weeks in a retail calendar. */
  MONTH,
  /** Seven days from the calendar's week-start day. */
  WEEK
}
