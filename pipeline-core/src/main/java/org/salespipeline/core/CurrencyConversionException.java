package org.salespipeline.core;

import java.time.LocalDate;
import java.util.Currency;

/** No exchange rate is known for a currency pair on a date. */
public class CurrencyConversionException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final Currency from;
  private final Currency to;
  private final LocalDate date;

  public CurrencyConversionException(Currency from, Currency to, LocalDate date) {
    super(
        ErrorCode.CURRENCY_CONVERSION,
        "no exchange rate from " + from + " to " + to + " valid on " + date);
    this.from = from;
    this.to = to;
    this.date = date;
  }

  public Currency from() {
    return from;
  }

  public Currency to() {
    return to;
  }

  public LocalDate date() {
    return date;
  }
}
