package org.salespipeline.core.rule;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.command.RetentionCommand;

/**
 * A retention command as the rules see it, before anything is written.
 *
 * @param current the account's retention record as stored
 * @param command the command
 * @param to the status the command leads to (the current one when it does not change the status)
 * @param today the engine's today
 * @param renewalLeadTime how long before the renewal date a renewal may come due
 */
public record RetentionMove(
    CustomerRetention current,
    RetentionCommand command,
    RetentionStatus to,
    LocalDate today,
    Period renewalLeadTime) {

  public RetentionMove {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(renewalLeadTime, "renewalLeadTime");
  }

  /** The status the account is in now. */
  public RetentionStatus from() {
    return current.status();
  }
}
