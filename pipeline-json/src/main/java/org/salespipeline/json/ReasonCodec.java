package org.salespipeline.json;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.forecast.insight.Reason;
import org.salespipeline.forecast.insight.ReasonCode;

/**
 * An insight {@link Reason}: {@code {"code":"idle","values":{"idleFor":"PT720H",...},"text":"no
 * activity ..."}}. The values are written in the order of the code's value names, each with the
 * rules of its type (money exact, durations ISO-8601, owners as ids); {@code text} is the English
 * rendering, written for people and ignored when reading, since it follows from the code and
 * values.
 *
 * <p>A value's Java type is not in the JSON, so reading takes it from its name: {@link ReasonCode}
 * uses each value name with one type in every code ({@link #VALUE_TYPES}).
 */
final class ReasonCodec implements Codec {
  static final ReasonCodec INSTANCE = new ReasonCodec();

  private static final String CODE = "code";
  private static final String VALUES = "values";
  private static final String TEXT = "text";

  /** Holds the generic type of a list of owners. */
  private record Types(List<UserId> owners) {}

  /**
   * The Java type of every value name {@link ReasonCode} uses (see its Javadoc): amounts {@code
   * Money}, durations {@code Duration}, counts {@code Long}, rates and the mean load {@code
   * Double}, stage keys {@code String}, owners {@code UserId} or a list of them.
   */
  static final Map<String, Type> VALUE_TYPES = valueTypes();

  private static Map<String, Type> valueTypes() {
    Map<String, Type> types = new LinkedHashMap<>();
    types.put("stage", String.class);
    types.put("reason", String.class);
    for (String rate : List.of("previousRate", "rate", "overallRate", "winRate", "mean")) {
      types.put(rate, Double.class);
    }
    for (String count :
        List.of(
            "departures",
            "previousDepartures",
            "deals",
            "days",
            "pushes",
            "openDeals",
            "idleOrStuck")) {
      types.put(count, Long.class);
    }
    for (String amount : List.of("value", "expectedValue", "amount", "recurringValue")) {
      types.put(amount, Money.class);
    }
    for (String duration :
        List.of("threshold", "timeInStage", "idleFor", "atRiskFor", "onboardingFor")) {
      types.put(duration, Duration.class);
    }
    types.put("owner", UserId.class);
    types.put("owners", Types.class.getRecordComponents()[0].getGenericType());
    return Map.copyOf(types);
  }

  private static final String CODES =
      Arrays.stream(ReasonCode.values())
          .map(ReasonCode::code)
          .collect(Collectors.joining(", ", "must be one of [", "]"));

  private ReasonCodec() {}

  /**
   * A reason of the code with these values (in the code's order), checked as reports check them.
   */
  static Reason create(ReasonCode code, Map<String, Object> values) {
    return Reason.of(code, values);
  }

  /** The type of a value, by its name. */
  static Type valueType(String name) {
    Type type = VALUE_TYPES.get(name);
    if (type == null) {
      // why: a ReasonCode added a value name that this table does not know yet
      throw new IllegalStateException("no JSON type for reason value '" + name + "'");
    }
    return type;
  }

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    Reason reason = (Reason) value;
    out.startObject();
    out.name(CODE);
    out.string(reason.code().code());
    out.name(VALUES);
    out.startObject();
    for (Map.Entry<String, Object> e : reason.values().entrySet()) {
      out.name(e.getKey());
      Codecs.forType(valueType(e.getKey())).write(e.getValue(), out);
    }
    out.endObject();
    out.name(TEXT);
    out.string(reason.text());
    out.endObject();
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    if (!(json instanceof Map<?, ?> fields)) {
      throw path.problem("must be an object");
    }
    List<JsonProblem> problems = new ArrayList<>();
    if (reading.failOnUnknownFields()) {
      for (Object name : fields.keySet()) {
        if (!CODE.equals(name) && !VALUES.equals(name) && !TEXT.equals(name)) {
          problems.add(problem(path.field((String) name), "is not a field of Reason"));
        }
      }
    }
    Object codeJson = fields.get(CODE);
    if (codeJson == null) {
      problems.add(problem(path.field(CODE), "is required"));
      throw new InvalidJsonException(problems);
    }
    ReasonCode code = codeJson instanceof String text ? ReasonCode.ofCode(text).orElse(null) : null;
    if (code == null) {
      problems.add(problem(path.field(CODE), CODES));
      throw new InvalidJsonException(problems);
    }
    Object valuesJson = fields.get(VALUES);
    Path at = path.field(VALUES);
    Map<?, ?> given = Map.of();
    if (valuesJson instanceof Map<?, ?> map) {
      given = map;
    } else if (valuesJson != null) {
      problems.add(problem(at, "must be an object"));
      throw new InvalidJsonException(problems);
    }
    if (reading.failOnUnknownFields()) {
      for (Object name : given.keySet()) {
        if (!code.valueNames().contains(name)) {
          problems.add(problem(at.field((String) name), "is not a value of " + code.code()));
        }
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : code.valueNames()) {
      Object v = given.get(name);
      if (v == null) {
        problems.add(problem(at.field(name), "is required"));
        continue;
      }
      try {
        values.put(name, Codecs.forType(valueType(name)).read(v, at.field(name), reading));
      } catch (InvalidJsonException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidJsonException(problems);
    }
    return create(code, values);
  }

  private static JsonProblem problem(Path at, String rule) {
    return new JsonProblem(at.toString(), rule);
  }
}
