package org.salespipeline.forecast.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.UserId;

/**
 * A customer to look after today: an account in retention with at least one signal (at risk, a
 * renewal due with no customer activity, onboarding past its target, a renewal within the renewal
 * lead time or past its date). The score in [0, 100] weighs the recurring value against the owner's
 * largest (40) and urgency (60: at risk 0.4, renewal without activity 0.3, onboarding overdue 0.3,
 * renewal date passed 0.3, within 30 days 0.2, within the lead time 0.1; at most 1).
 *
 * @param account the customer account
 * @param owner who looks after it (the owner of the deal that made it a customer)
 * @param status its retention status at the analysis instant
 * @param recurringValue its recurring value, minor units of the report currency
 * @param renewalDate its renewal date, when renewal terms are set
 * @param score the priority in [0, 100]
 * @param reasons why it is listed, most urgent first, each with its code and values; the last
 *     states the recurring value
 */
public record CustomerWork(
    AccountId account,
    UserId owner,
    RetentionStatus status,
    long recurringValue,
    Optional<LocalDate> renewalDate,
    double score,
    List<Reason> reasons) {}
