package org.salespipeline.forecast;

import java.util.OptionalDouble;

/**
 * One owner's or team's standing against its quota for one period. Amounts in minor units of the
 * reporting currency.
 *
 * @param subject the owner or team
 * @param period the period
 * @param rollup the cumulative category rollup (closed, commit, most likely, best case, pipeline)
 * @param weighted closed plus the weighted open pipeline closing in the period
 * @param quota the quota, 0 when none is set
 * @param attainment closed / quota; empty when the quota is zero
 * @param gap quota - closed; negative when the quota is exceeded
 * @param coverage open pipeline / gap; empty when the gap is zero or negative
 * @param probabilityOfQuota {@code P(closed + open revenue >= quota)} from the revenue distribution
 *     of the subject's deals in the period (engine picked by error bound); empty when the quota is
 *     zero
 */
public record QuotaReport(
    String subject,
    ForecastPeriod period,
    CategoryRollup rollup,
    double weighted,
    long quota,
    OptionalDouble attainment,
    long gap,
    OptionalDouble coverage,
    OptionalDouble probabilityOfQuota) {

  static QuotaReport of(
      String subject,
      ForecastPeriod period,
      CategoryRollup r,
      double weighted,
      long q,
      OptionalDouble probabilityOfQuota) {
    long gap = q - r.closed();
    return new QuotaReport(
        subject,
        period,
        r,
        weighted,
        q,
        q > 0 ? OptionalDouble.of((double) r.closed() / q) : OptionalDouble.empty(),
        gap,
        gap > 0 ? OptionalDouble.of((double) r.openPipeline() / gap) : OptionalDouble.empty(),
        probabilityOfQuota);
  }
}
