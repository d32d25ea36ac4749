package org.salespipeline.core.command;

import java.util.OptionalLong;
import org.salespipeline.core.DealId;

/** A command on an existing deal. */
public interface ChangesDeal extends DealCommand {
  /** The deal. */
  DealId deal();

  /**
   * The version the caller last saw; when given, a deal changed since fails the command with a
   * {@link org.salespipeline.core.ConcurrentDealModificationException}.
   */
  OptionalLong expectedVersion();
}
