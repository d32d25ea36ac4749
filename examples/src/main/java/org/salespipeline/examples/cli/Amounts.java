package org.salespipeline.examples.cli;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.salespipeline.core.Money;

/** Short amounts for terminal tables: {@code $1.24M}, {@code EUR 845.2K}. */
final class Amounts {
  private Amounts() {}

  static String compact(Money money) {
    return compact(money.amount(), money.currency());
  }

  static String compact(BigDecimal amount, Currency currency) {
    return compact(amount.doubleValue(), currency);
  }

  static String compact(double value, Currency currency) {
    String prefix =
        currency.getCurrencyCode().equals("USD") ? "$" : currency.getCurrencyCode() + " ";
    double abs = Math.abs(value);
    String sign = value < 0 ? "-" : "";
    if (abs >= 1e9) {
      return String.format(Locale.ROOT, "%s%s%.2fB", sign, prefix, abs / 1e9);
    }
    if (abs >= 1e6) {
      return String.format(Locale.ROOT, "%s%s%.2fM", sign, prefix, abs / 1e6);
    }
    if (abs >= 1e3) {
      return String.format(Locale.ROOT, "%s%s%.1fK", sign, prefix, abs / 1e3);
    }
    return String.format(Locale.ROOT, "%s%s%.0f", sign, prefix, abs);
  }
}
