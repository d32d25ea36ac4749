package org.salespipeline.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A typed custom attribute a host attaches to a deal ({@link Deal#attributes()}). */
public sealed interface AttributeValue {

  /** Text. */
  record Text(String value) implements AttributeValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A decimal number. */
  record Number(BigDecimal value) implements AttributeValue {
    public Number {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A yes/no flag. */
  record Flag(boolean value) implements AttributeValue {}

  /** A calendar date. */
  record Date(LocalDate value) implements AttributeValue {
    public Date {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Text attribute. */
  static AttributeValue text(String value) {
    return new Text(value);
  }

  /** Number attribute. */
  static AttributeValue number(BigDecimal value) {
    return new Number(value);
  }

  /** Flag attribute. */
  static AttributeValue flag(boolean value) {
    return new Flag(value);
  }

  /** Date attribute. */
  static AttributeValue date(LocalDate value) {
    return new Date(value);
  }
}
