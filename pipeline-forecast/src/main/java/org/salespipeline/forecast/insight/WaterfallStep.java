package org.salespipeline.forecast.insight;

/** The bars of the pipeline waterfall, in display order. */
public enum WaterfallStep {
  /** Open pipeline closing in the window at the start instant. */
  START(0),
  /** Deals created (or reopened) after the start that close in the window. */
  NEW(1),
  /** Deals open at the start whose close date moved into the window. */
  PULLED_IN(1),
  /** Deals still open whose close date moved out of the window. */
  PUSHED_OUT(-1),
  /** Amount raised on deals in the window. */
  AMOUNT_UP(1),
  /** Amount lowered on deals in the window. */
  AMOUNT_DOWN(-1),
  /** Deals won. */
  WON(-1),
  /** Deals lost or disqualified. */
  LOST(-1),
  /** Open pipeline closing in the window at the end instant. */
  END(0);

  private final int sign;

  WaterfallStep(int sign) {
    this.sign = sign;
  }

  /** +1 for an inflow, -1 for an outflow, 0 for the start and end totals. */
  public int sign() {
    return sign;
  }
}
