package org.salespipeline.core;

/**
 * Hears the progress of a long operation (bulk import, snapshot load, backtest, simulation). Called
 * on the working thread, at most a few hundred times per operation; must return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * Reports progress.
   *
   * @param done units finished so far
   * @param total units in all, or -1 when unknown
   */
  void progress(long done, long total);
}
