package org.salespipeline.forecast;

/**
 * Cumulative forecast-category rollup of one period, all amounts in minor units of the reporting
 * currency: {@code commit = closed + commit deals}, {@code mostLikely = commit + most likely
 * deals}, {@code bestCase = mostLikely + best case deals}, {@code pipeline = closed + every open
 * deal that is not omitted}. An open deal marked {@code CLOSED} counts as commit; omitted deals
 * never count. Hence {@code closed <= commit <= mostLikely <= bestCase <= pipeline}.
 *
 * @param closed won in the period
 * @param commit closed plus commit
 * @param mostLikely commit plus most likely
 * @param bestCase most likely plus best case
 * @param pipeline closed plus all open, non-omitted deals
 */
public record CategoryRollup(
    long closed, long commit, long mostLikely, long bestCase, long pipeline) {

  /** Open pipeline only: {@code pipeline - closed}. */
  public long openPipeline() {
    return pipeline - closed;
  }

  /** The component-wise sum with another rollup. */
  public CategoryRollup plus(CategoryRollup o) {
    return new CategoryRollup(
        closed + o.closed,
        commit + o.commit,
        mostLikely + o.mostLikely,
        bestCase + o.bestCase,
        pipeline + o.pipeline);
  }
}
