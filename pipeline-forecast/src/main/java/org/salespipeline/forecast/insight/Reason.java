package org.salespipeline.forecast.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.core.Money;

/**
 * Why the report lists something: a stable {@link ReasonCode code} and the structured values the
 * reason states, so that a host can translate it and a test can check the numbers rather than the
 * prose. {@link #text()} is the English rendering; amounts in it carry their currency ({@code EUR
 * 78,575.68}), never bare minor units.
 *
 * <p>Immutable and thread-safe. Two reasons are equal when their codes and values are.
 */
public final class Reason {
  private final ReasonCode code;
  private final Map<String, Object> values;
  // why: rendered on first use; a report builds many reasons and a host may never read the English
  private volatile String text;

  private Reason(ReasonCode code, Map<String, Object> values) {
    this.code = code;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * A reason read back from its code and values (for example from JSON), checked as reports check
   * the reasons they build.
   *
   * @param values the values by name, in the order of {@link ReasonCode#valueNames()}
   * @throws IllegalArgumentException if the names are not exactly the code's value names, in order
   * @throws NullPointerException if a value is null
   */
  public static Reason of(ReasonCode code, Map<String, Object> values) {
    Object[] namesAndValues = new Object[2 * values.size()];
    int i = 0;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      namesAndValues[i++] = e.getKey();
      namesAndValues[i++] = e.getValue();
    }
    return of(code, namesAndValues);
  }

  /**
   * A reason with its values given as name, value pairs in the order of {@link
   * ReasonCode#valueNames()}.
   *
   * @throws IllegalArgumentException if the names are not exactly the code's value names, in order
   */
  static Reason of(ReasonCode code, Object... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], Objects.requireNonNull(namesAndValues[i + 1]));
    }
    if (namesAndValues.length % 2 != 0 || !List.copyOf(values.keySet()).equals(code.valueNames())) {
      // why: a programming error of this package, never the host's input
      throw new IllegalArgumentException(
          code + " takes " + code.valueNames() + ", not " + values.keySet());
    }
    return new Reason(code, values);
  }

  /** The kind of reason. */
  public ReasonCode code() {
    return code;
  }

  /**
   * The values the reason states, by name in the order of {@link ReasonCode#valueNames()};
   * unmodifiable. See {@link ReasonCode} for their types.
   */
  public Map<String, Object> values() {
    return values;
  }

  /**
   * One value, by name.
   *
   * @throws IllegalArgumentException if the reason has no such value or it is not a {@code type}
   */
  public <T> T value(String name, Class<T> type) {
    Object v = values.get(name);
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException(
          code + " has no " + type.getSimpleName() + " value '" + name + "': " + values);
    }
    return type.cast(v);
  }

  /** The English sentence, for example {@code "expected value USD 3.50 (50% of USD 7.00)"}. */
  public String text() {
    String t = text;
    if (t == null) {
      t = render(code.english(), values);
      text = t;
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reason r && r.code == code && r.values.equals(values);
  }

  @Override
  public int hashCode() {
    return 31 * code.hashCode() + values.hashCode();
  }

  /** The English text. */
  @Override
  public String toString() {
    return text();
  }

  /** An amount in the English texts: the currency code and the amount with grouping. */
  static String money(Money money) {
    return money.currency().getCurrencyCode()
        + " "
        + String.format(Locale.ROOT, "%,." + money.amount().scale() + "f", money.amount());
  }

  /** An amount of minor units as money, for the values of a reason. */
  static Money money(long minorUnits, java.util.Currency currency) {
    return Money.ofMinor(minorUnits, currency);
  }

  /** The names in a template, in order. */
  static List<String> placeholders(String template) {
    List<String> names = new ArrayList<>();
    int i = template.indexOf('{');
    while (i >= 0) {
      int end = template.indexOf('}', i);
      names.add(name(template.substring(i + 1, end)));
      i = template.indexOf('{', end);
    }
    return List.copyOf(names);
  }

  private static String name(String placeholder) {
    int bar = placeholder.indexOf('|');
    String name = bar < 0 ? placeholder : placeholder.substring(0, bar);
    return name.endsWith("%") ? name.substring(0, name.length() - 1) : name;
  }

  private static String render(String template, Map<String, Object> values) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    int i = template.indexOf('{');
    while (i >= 0) {
      int end = template.indexOf('}', i);
      out.append(template, from, i);
      String placeholder = template.substring(i + 1, end);
      Object value = values.get(name(placeholder));
      String[] plural = placeholder.split("\\|");
      if (plural.length == 3) {
        long n = ((Number) value).longValue();
        out.append(String.format(Locale.ROOT, "%,d ", n)).append(n == 1 ? plural[1] : plural[2]);
      } else if (placeholder.endsWith("%")) {
        out.append(Figures.fixed(100 * ((Number) value).doubleValue(), 0)).append('%');
      } else {
        out.append(format(value));
      }
      from = end + 1;
      i = template.indexOf('{', from);
    }
    return out.append(template.substring(from)).toString();
  }

  private static String format(Object value) {
    if (value instanceof Money m) {
      return money(m);
    }
    if (value instanceof Duration d) {
      return Figures.days(d.getSeconds());
    }
    if (value instanceof Double d) {
      return Figures.fixed(d, 1);
    }
    if (value instanceof Long || value instanceof Integer) {
      return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : i == list.size() - 1 ? " and " : ", ").append(list.get(i));
      }
      return out.toString();
    }
    return String.valueOf(value);
  }
}
