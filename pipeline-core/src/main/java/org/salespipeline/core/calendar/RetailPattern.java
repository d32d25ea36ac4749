package org.salespipeline.core.calendar;

/**
 * The weeks of the three months of each quarter in a retail (4-4-5 family) calendar. In a 53-week
 * year the extra week goes to the last month of the year.
 */
public enum RetailPattern {
  /** 4, 4 and 5 weeks. */
  FOUR_FOUR_FIVE(4, 4, 5),
  /** 4, 5 and 4 weeks (the NRF calendar). */
  FOUR_FIVE_FOUR(4, 5, 4),
  /** 5, 4 and 4 weeks. */
  FIVE_FOUR_FOUR(5, 4, 4);

  private final int[] weeks;

  RetailPattern(int... weeks) {
    this.weeks = weeks;
  }

  /**
   * The weeks of a month of the quarter.
   *
   * @param monthOfQuarter 1, 2 or 3
   */
  public int weeks(int monthOfQuarter) {
    return weeks[monthOfQuarter - 1];
  }
}
