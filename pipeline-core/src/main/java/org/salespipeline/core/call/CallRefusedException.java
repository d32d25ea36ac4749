package org.salespipeline.core.call;

import java.time.Instant;
import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.org.OrgNode;

/**
 * A call fell outside its period's submission window: before it opened, after the deadline, or
 * after the lock. Nothing was stored. The host may extend the deadline of a late call; a locked
 * period takes no more calls.
 */
public class CallRefusedException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final transient OrgNode node;
  private final CallPeriod period;
  private final SubmissionWindow.Refusal refusal;
  private final Instant submittedAt;
  private final SubmissionWindow window;

  /** A refusal of the node's call for the period, submitted at the instant. */
  public CallRefusedException(
      OrgNode node,
      CallPeriod period,
      SubmissionWindow.Refusal refusal,
      Instant submittedAt,
      SubmissionWindow window) {
    super(ErrorCode.CALL_REFUSED, describe(node, period, refusal, submittedAt, window));
    this.node = node;
    this.period = period;
    this.refusal = refusal;
    this.submittedAt = submittedAt;
    this.window = window;
  }

  private static String describe(
      OrgNode node,
      CallPeriod period,
      SubmissionWindow.Refusal refusal,
      Instant at,
      SubmissionWindow window) {
    String why =
        switch (refusal) {
          case NOT_OPEN -> "the submission window opens only at " + window.opens();
          case LATE -> "the deadline was " + window.deadline() + "; ask for an extension";
          case LOCKED -> "the period's calls were locked at " + window.locks();
        };
    return "call of " + node.key() + " for " + period + " at " + at + " refused: " + why;
  }

  /** The owner whose call was refused. */
  public OrgNode node() {
    return node;
  }

  /** The period of the call. */
  public CallPeriod period() {
    return period;
  }

  /** Why: not open yet, late, or locked. */
  public SubmissionWindow.Refusal refusal() {
    return refusal;
  }

  /** When the call was submitted. */
  public Instant submittedAt() {
    return submittedAt;
  }

  /** The window the call missed. */
  public SubmissionWindow window() {
    return window;
  }
}
