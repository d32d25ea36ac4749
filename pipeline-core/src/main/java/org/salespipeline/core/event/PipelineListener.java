package org.salespipeline.core.event;

import java.util.List;

/**
 * Hears the events of each committed command, in order, after the commit; never events of a refused
 * or failed command. Called on the thread that ran the command; anything thrown here (errors and
 * checked exceptions too) is logged and neither undoes the command nor makes it report failure.
 * Implementations must be thread-safe when the engine is used from several threads.
 *
 * <p>When the store writes inside a host's transaction (a JDBC store over a host's connections, the
 * Spring Boot starter inside {@code @Transactional}), "after the commit" means after the host's
 * commit: the events of every command of that transaction are heard then, in command order, and
 * never if the host rolls back (see {@link
 * org.salespipeline.core.store.PipelineStore#afterCommit}). They are heard on the thread that
 * commits.
 */
@FunctionalInterface
public interface PipelineListener {

  /** The events one command appended, in sequence order. */
  void onCommitted(List<DealEvent> events);

  /**
   * A forecast call was stored (issue 18); heard after the commit like deal events. Does nothing
   * unless overridden.
   */
  default void onCallSubmitted(org.salespipeline.core.call.ForecastCall call) {}

  /**
   * A version of an adjustment cell was stored: an adjustment or a revert (issue 18); heard after
   * the commit like deal events. Does nothing unless overridden.
   */
  default void onAdjusted(org.salespipeline.core.call.Adjustment adjustment) {}
}
