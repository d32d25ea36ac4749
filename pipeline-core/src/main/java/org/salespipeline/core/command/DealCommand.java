package org.salespipeline.core.command;

import java.util.Optional;
import org.salespipeline.core.UserId;

/** What every command carries. */
public interface DealCommand {
  /** Who runs the command; recorded on every event. */
  UserId actor();

  /**
   * A key unique per intended change (1-200 characters). Replaying a command with a key already
   * used returns the first result and writes nothing.
   */
  Optional<String> idempotencyKey();
}
