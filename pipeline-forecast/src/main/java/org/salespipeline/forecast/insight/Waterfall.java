package org.salespipeline.forecast.insight;

import java.time.Instant;
import java.util.List;
import org.salespipeline.core.DealId;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * What changed in the pipeline closing in {@code window} between two instants. It balances exactly:
 * {@code START + NEW + PULLED_IN + AMOUNT_UP - PUSHED_OUT - AMOUNT_DOWN - WON - LOST = END}. An
 * amount change on a deal that also leaves the window goes to the amount bars and the deal leaves
 * with its new amount. Stage moves are shown beside the bars and do not change the balance.
 *
 * @param from the start instant
 * @param to the end instant
 * @param window the close-date window
 * @param bars one bar per {@link WaterfallStep}, in step order
 * @param forwardMoves deals in the window that ended in a later stage (won included)
 * @param backwardMoves deals in the window that ended in an earlier open stage
 * @param movedValue the amounts of the moved deals at the end, minor units
 * @param movedDeals the moved deals, at most the report's list limit
 */
public record Waterfall(
    Instant from,
    Instant to,
    ForecastPeriod window,
    List<WaterfallBar> bars,
    long forwardMoves,
    long backwardMoves,
    long movedValue,
    List<DealId> movedDeals) {

  /** The bar of a step. */
  public WaterfallBar bar(WaterfallStep step) {
    return bars.get(step.ordinal());
  }

  /** The signed sum of the flows, start included; equals the END bar's amount. */
  public long balance() {
    long sum = bar(WaterfallStep.START).amount();
    for (WaterfallBar b : bars) {
      sum += b.step().sign() * b.amount();
    }
    return sum;
  }
}
