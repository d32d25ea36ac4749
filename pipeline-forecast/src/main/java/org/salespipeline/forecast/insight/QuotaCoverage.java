package org.salespipeline.forecast.insight;

import java.util.OptionalDouble;
import org.salespipeline.core.Quota;

/**
 * One quota against the pipeline. Amounts in minor units of the reporting currency.
 *
 * @param quota the quota
 * @param subject the owner's or team's id
 * @param quotaAmount the quota, converted at the analysis date
 * @param won won in the quota period by the owner (or the team's members, sub-teams included)
 * @param remaining {@code max(0, quotaAmount - won)}
 * @param openPipeline open deals with an expected close date in the quota period
 * @param coverage {@code openPipeline / remaining}; empty when nothing remains
 * @param winRate the learned win rate used: the subject's own with at least 10 closes, else the
 *     overall one
 * @param needed pipeline needed to close the remainder: {@code remaining / winRate} (the remainder
 *     itself when the win rate is 0)
 * @param shortfall {@code max(0, needed - openPipeline)}
 */
public record QuotaCoverage(
    Quota quota,
    String subject,
    long quotaAmount,
    long won,
    long remaining,
    long openPipeline,
    OptionalDouble coverage,
    double winRate,
    long needed,
    long shortfall) {}
