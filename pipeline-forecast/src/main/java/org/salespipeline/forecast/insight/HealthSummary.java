package org.salespipeline.forecast.insight;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One value for dashboards: the key numbers and flags. Amounts in minor units.
 *
 * @param asOf the analysis instant
 * @param currentPeriod label of the current reporting period ({@code start..end}, end exclusive)
 * @param openDeals open deals
 * @param openValue their amounts
 * @param weightedValue their amounts times the learned stage win probability
 * @param winRate overall won / (won + lost)
 * @param coverage open pipeline of the current period / remaining quota of the owner quotas active
 *     today (team quotas when no owner has one); empty without such quota or remainder
 * @param coverageTarget the target coverage ratio
 * @param idleShare idle open deals / open deals, 0 without open deals
 * @param stuckShare stuck open deals / open deals, 0 without open deals
 * @param velocityPerDay overall sales velocity, minor units per day
 * @param fallingConversionStages stage keys whose conversion fell against the previous period
 * @param flags the warnings raised
 */
public record HealthSummary(
    Instant asOf,
    String currentPeriod,
    long openDeals,
    long openValue,
    double weightedValue,
    double winRate,
    OptionalDouble coverage,
    double coverageTarget,
    double idleShare,
    double stuckShare,
    double velocityPerDay,
    List<String> fallingConversionStages,
    Set<HealthFlag> flags) {}
