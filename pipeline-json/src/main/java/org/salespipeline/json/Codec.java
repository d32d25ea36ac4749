package org.salespipeline.json;

import java.io.IOException;

/**
 * How one Java type maps to JSON. Reading takes the plain tree described in {@link PipelineJson}
 * and reports every problem with its path.
 */
interface Codec {
  void write(Object value, JsonWriter out) throws IOException;

  /**
   * Reads a value from its JSON tree; {@code json} is never null (callers decide what null means).
   */
  Object read(Object json, Path path, Reading reading);

  /** Whether the type can be read back; computed results are written only. */
  default boolean readable() {
    return true;
  }

  /** How the host mapper's settings that the rules honour are set. */
  record Reading(boolean failOnUnknownFields) {}
}
