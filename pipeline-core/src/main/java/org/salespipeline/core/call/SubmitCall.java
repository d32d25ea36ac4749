package org.salespipeline.core.call;

import java.util.Optional;
import org.immutables.value.Value;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.org.OrgNode;

/**
 * The command to submit a forecast call ({@code SalesPipeline.submitCall}). The engine stamps the
 * instant, checks the submission window and records the deals behind the call. Immutable.
 */
@Value.Immutable
public abstract class SubmitCall {

  /** A builder; node, period, the three amounts and the actor are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The owner whose call it is. */
  public abstract OrgNode node();

  /** The period. */
  public abstract CallPeriod period();

  /** The forecast type; {@code revenue} unless set. */
  @Value.Default
  public String forecastType() {
    return "revenue";
  }

  /** The commit amount. */
  public abstract Money commit();

  /** The most likely amount, at least the commit. */
  public abstract Money mostLikely();

  /** The best case amount, at least the most likely. */
  public abstract Money bestCase();

  /** A note, at most 2,000 characters. */
  public abstract Optional<String> note();

  /** Who submits it. */
  public abstract UserId actor();

  /** Manual unless set. */
  @Value.Default
  public CallSource source() {
    return CallSource.MANUAL;
  }

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableSubmitCall.Builder {}
}
