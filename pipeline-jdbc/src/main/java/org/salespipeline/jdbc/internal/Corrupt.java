package org.salespipeline.jdbc.internal;

import java.util.function.Supplier;
import org.salespipeline.core.store.CorruptRecordException;

/**
 * Reads a stored row back, turning any failure of the decoding (bad payload, unknown type or name,
 * a null where a value is required) into a {@link CorruptRecordException} naming the row (issue 14,
 * item 8).
 */
final class Corrupt {
  private Corrupt() {}

  /**
   * @param table the table, without the store's prefix
   * @param key the row's key within the workspace
   */
  static <T> T decode(String table, String key, Supplier<T> decode) {
    try {
      return decode.get();
    } catch (CorruptRecordException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CorruptRecordException(table, key, e);
    }
  }
}
