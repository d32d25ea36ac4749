package org.salespipeline.json;

import java.io.IOException;
import java.util.List;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.ForecastTable;

/**
 * A {@link ForecastTable}, written only: its periods and columns, then one row per period with the
 * cells by column, and the totals. Weighted figures are the table's doubles in major units; {@code
 * amount} is the raw amount in minor units, as the table holds it.
 */
enum ForecastTableCodec implements Codec {
  INSTANCE;

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    ForecastTable table = (ForecastTable) value;
    List<ForecastPeriod> periods = table.periods();
    int columns = table.columns().size();
    Codec periodCodec = Codecs.forType(ForecastPeriod.class);
    out.startObject();
    out.name("columns");
    out.startArray();
    for (String column : table.columns()) {
      out.string(column);
    }
    out.endArray();
    out.name("rows");
    out.startArray();
    for (int p = 0; p < periods.size(); p++) {
      out.startObject();
      out.name("period");
      periodCodec.write(periods.get(p), out);
      out.name("weighted");
      out.startArray();
      for (int c = 0; c < columns; c++) {
        NumberCodec.DOUBLE.write(table.weighted(p, c), out);
      }
      out.endArray();
      out.name("amount");
      out.startArray();
      for (int c = 0; c < columns; c++) {
        out.number(table.amount(p, c));
      }
      out.endArray();
      out.name("count");
      out.startArray();
      for (int c = 0; c < columns; c++) {
        out.number(table.count(p, c));
      }
      out.endArray();
      out.name("periodWeighted");
      NumberCodec.DOUBLE.write(table.periodWeighted(p), out);
      out.name("runRate");
      NumberCodec.DOUBLE.write(table.runRate(p), out);
      out.name("periodTotal");
      NumberCodec.DOUBLE.write(table.periodTotal(p), out);
      out.endObject();
    }
    out.endArray();
    out.name("columnWeighted");
    out.startArray();
    for (int c = 0; c < columns; c++) {
      NumberCodec.DOUBLE.write(table.columnWeighted(c), out);
    }
    out.endArray();
    out.name("totalWeighted");
    NumberCodec.DOUBLE.write(table.totalWeighted(), out);
    out.name("totalRunRate");
    NumberCodec.DOUBLE.write(table.totalRunRate(), out);
    out.name("total");
    NumberCodec.DOUBLE.write(table.total(), out);
    out.endObject();
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    throw path.problem("is written only: ForecastTable is a computed result, never read back");
  }

  @Override
  public boolean readable() {
    return false;
  }
}
