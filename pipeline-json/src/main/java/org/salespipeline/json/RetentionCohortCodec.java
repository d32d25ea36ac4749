package org.salespipeline.json;

import java.io.IOException;
import org.salespipeline.forecast.retention.RetentionCohort;

/**
 * A {@link RetentionCohort}, written only: its period, size and, per analysed period, the logos,
 * revenue and both retention rates ({@code "NaN"} before the cohort's own period). The per-period
 * figures are methods taking the period's index, so the structural result rules would miss them.
 */
final class RetentionCohortCodec implements Codec {
  static final RetentionCohortCodec INSTANCE = new RetentionCohortCodec();

  private RetentionCohortCodec() {}

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    RetentionCohort cohort = (RetentionCohort) value;
    int n = cohort.periods();
    out.startObject();
    out.name("index");
    out.number(cohort.index());
    out.name("period");
    Codecs.forType(cohort.period().getClass()).write(cohort.period(), out);
    out.name("accounts");
    out.number(cohort.accounts());
    out.name("logos");
    out.startArray();
    for (int p = 0; p < n; p++) {
      out.number(cohort.logos(p));
    }
    out.endArray();
    out.name("revenueMinor");
    out.startArray();
    for (int p = 0; p < n; p++) {
      out.number(cohort.revenueMinor(p));
    }
    out.endArray();
    out.name("logoRetention");
    out.startArray();
    for (int p = 0; p < n; p++) {
      NumberCodec.DOUBLE.write(cohort.logoRetention(p), out);
    }
    out.endArray();
    out.name("revenueRetention");
    out.startArray();
    for (int p = 0; p < n; p++) {
      NumberCodec.DOUBLE.write(cohort.revenueRetention(p), out);
    }
    out.endArray();
    out.endObject();
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    throw path.problem("is written only: RetentionCohort is a computed result, never read back");
  }

  @Override
  public boolean readable() {
    return false;
  }
}
