package org.salespipeline.core.command;

import java.util.List;
import org.salespipeline.core.DealId;

/**
 * What a bulk import wrote.
 *
 * @param imported the ids of the deals written, in input order
 * @param overridden how many of them needed the rules overridden (recorded in their history)
 */
public record ImportResult(List<DealId> imported, int overridden) {
  public ImportResult {
    imported = List.copyOf(imported);
  }
}
