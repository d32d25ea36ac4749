package org.salespipeline.core.store;

import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.StorageException;

/**
 * A stored record cannot be read back: it was written or changed outside the library (by hand with
 * SQL, a broken migration, a damaged file), for example a payload that is not valid, an unknown
 * event type, a value no field accepts or a null in a required column (issue 14, item 8).
 *
 * <p>It names the record ({@link #table()} and {@link #key()}) so that an operator can repair or
 * remove it. Reads that meet such a record fail with this exception rather than skipping it: a
 * forecast or stream that silently left records out would give wrong answers. Reads of other
 * records (another deal's {@link WorkspaceStore#deal}, {@link WorkspaceStore#history}) still work.
 */
public class CorruptRecordException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String key;

  /**
   * @param table the table (or collection) holding the record, for example {@code sp_deals}
   * @param key the record's key within the workspace, for example the deal id, or {@code
   *     dealId/sequence} for an event
   * @param cause what went wrong reading it
   */
  public CorruptRecordException(String table, String key, Throwable cause) {
    super(
        ErrorCode.CORRUPT_RECORD,
        "stored record "
            + table
            + " "
            + key
            + " cannot be read ("
            + (cause == null
                ? "unknown reason"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage())
            + "); repair or remove it",
        cause);
    this.table = table;
    this.key = key;
  }

  /** The table (or collection) holding the record. */
  public String table() {
    return table;
  }

  /** The record's key within the workspace. */
  public String key() {
    return key;
  }
}
