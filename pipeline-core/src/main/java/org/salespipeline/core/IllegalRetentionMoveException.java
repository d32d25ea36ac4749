package org.salespipeline.core;

import java.util.List;
import java.util.stream.Collectors;
import org.salespipeline.core.rule.RuleViolation;

/**
 * The retention rules refused a retention command; carries every violation at once. Nothing was
 * written: the retention record, the history and the activities are unchanged.
 */
public class IllegalRetentionMoveException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final AccountId account;
  private final RetentionStatus status;
  private final String command;
  private final List<RuleViolation> violations;

  /**
   * @param account the customer account
   * @param status the account's retention status when the command was refused
   * @param command the refused command's name, for example {@code mark at risk}
   * @param violations every violation, in rule order
   */
  public IllegalRetentionMoveException(
      AccountId account, RetentionStatus status, String command, List<RuleViolation> violations) {
    super(
        ErrorCode.ILLEGAL_RETENTION_MOVE,
        "account "
            + account
            + " ("
            + status
            + ") refuses "
            + command
            + ": "
            + violations.stream().map(RuleViolation::toString).collect(Collectors.joining("; ")));
    this.account = account;
    this.status = status;
    this.command = command;
    this.violations = List.copyOf(violations);
  }

  public AccountId account() {
    return account;
  }

  /** The retention status the account stays in. */
  public RetentionStatus status() {
    return status;
  }

  /** The refused command's name. */
  public String command() {
    return command;
  }

  /** Every violation, in rule order. */
  public List<RuleViolation> violations() {
    return violations;
  }
}
