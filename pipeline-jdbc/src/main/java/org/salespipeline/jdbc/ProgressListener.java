package org.salespipeline.jdbc;

/**
 * Hears the progress of a long operation such as {@link JdbcPipelineStore#importDeals}. Called on
 * the thread running the operation after each committed batch; must return quickly and must not
 * throw.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * Reports progress.
   *
   * @param done how many items are committed so far, from 0 to {@code total}
   * @param total how many items the operation handles in all
   */
  void progress(long done, long total);
}
