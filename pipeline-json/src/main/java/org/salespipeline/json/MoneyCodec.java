package org.salespipeline.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;

/**
 * {@code {"amount":"123.45","currency":"EUR"}}: the amount an exact decimal string at the
 * currency's fraction digits, the currency its ISO 4217 code. A JSON number is accepted as the
 * amount too, read exactly.
 */
enum MoneyCodec implements Codec {
  INSTANCE;

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    Money money = (Money) value;
    out.startObject();
    out.name("amount");
    out.string(money.amount().toPlainString());
    out.name("currency");
    out.string(money.currency().getCurrencyCode());
    out.endObject();
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    if (!(json instanceof Map<?, ?> fields)) {
      throw path.problem("must be an object such as {\"amount\":\"123.45\",\"currency\":\"EUR\"}");
    }
    List<JsonProblem> problems = new ArrayList<>();
    Object amount = fields.get("amount");
    Object currency = fields.get("currency");
    if (amount == null) {
      problems.add(new JsonProblem(path.field("amount").toString(), "is required"));
    } else if (!(amount instanceof String) && !(amount instanceof BigDecimal)) {
      problems.add(
          new JsonProblem(
              path.field("amount").toString(),
              "must be a decimal number, written as a string such as \"123.45\""));
    }
    if (currency == null) {
      problems.add(new JsonProblem(path.field("currency").toString(), "is required"));
    } else if (!(currency instanceof String)) {
      problems.add(
          new JsonProblem(
              path.field("currency").toString(), "must be an ISO 4217 currency code string"));
    }
    if (reading.failOnUnknownFields()) {
      for (Object name : fields.keySet()) {
        if (!name.equals("amount") && !name.equals("currency")) {
          problems.add(
              new JsonProblem(path.field((String) name).toString(), "is not a field of Money"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidJsonException(problems);
    }
    String text = amount instanceof BigDecimal d ? d.toString() : (String) amount;
    try {
      return Money.of(text, (String) currency);
    } catch (ValidationException e) {
      for (FieldProblem fp : e.problems()) {
        problems.add(new JsonProblem(path.field(fp.field()).toString(), fp.message()));
      }
      throw new InvalidJsonException(problems);
    }
  }
}
