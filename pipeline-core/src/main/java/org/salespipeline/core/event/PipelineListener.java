package org.salespipeline.core.event;

import java.util.List;

/**
 * Hears the events of each committed command, in order, after the commit; never events of a refused
 * or failed command. Called on the thread that ran the command; anything thrown here (errors and
 * checked exceptions too) is logged and neither undoes the command nor makes it report failure.
 * Implementations must be thread-safe when the engine is used from several threads.
 */
@FunctionalInterface
public interface PipelineListener {

  /** The events one command appended, in sequence order. */
  void onCommitted(List<DealEvent> events);
}
