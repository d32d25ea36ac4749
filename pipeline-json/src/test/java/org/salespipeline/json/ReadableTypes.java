package org.salespipeline.json;

import java.util.List;

/** The public pipeline types that can be read back from JSON, for the round-trip suites. */
public final class ReadableTypes {
  private ReadableTypes() {}

  /** Every readable public type, sorted by name. */
  public static List<Class<?>> all() {
    return PublicTypes.all().stream().filter(PipelineJson::isReadable).toList();
  }
}
