package org.salespipeline.examples.progress;

/**
 * Hears how far a long operation (generation, import, backtest) has come. Called on the working
 * thread, often; must return quickly. Same shape as the library's progress listeners, so a {@link
 * ProgressBar} can be passed to them as {@code bar::update}.
 */
@FunctionalInterface
public interface Progress {

  /** Ignores progress. */
  Progress NONE = (done, total) -> {};

  /**
   * Reports progress.
   *
   * @param done units finished so far
   * @param total units in all, or -1 when unknown
   */
  void update(long done, long total);
}
