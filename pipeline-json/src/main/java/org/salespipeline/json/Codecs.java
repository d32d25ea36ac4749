package org.salespipeline.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.salespipeline.core.Money;
import org.salespipeline.core.event.FeedEvent;
import org.salespipeline.forecast.ForecastTable;
import org.salespipeline.forecast.insight.Reason;
import org.salespipeline.forecast.retention.RetentionCohort;
import org.salespipeline.json.CollectionCodec.Kind;
import org.salespipeline.json.CollectionCodec.OptionalKind;

/**
 * Finds the codec of a Java type: the mapping rules, in one place. See {@link PipelineJson} for the
 * rules in prose.
 */
final class Codecs {
  private Codecs() {}

  private static final Map<Type, Optional<Codec>> CACHE = new ConcurrentHashMap<>();

  /** The codec of a type, or an {@link IllegalArgumentException} naming the type. */
  static Codec forType(Type type) {
    return find(type)
        .orElseThrow(() -> new IllegalArgumentException("no JSON mapping for " + type));
  }

  static Optional<Codec> find(Type type) {
    Optional<Codec> known = CACHE.get(type);
    if (known == null) {
      // why: not computeIfAbsent; building a codec looks up the codecs of its parts
      known = Optional.ofNullable(build(type));
      Optional<Codec> raced = CACHE.putIfAbsent(type, known);
      if (raced != null) {
        known = raced;
      }
    }
    return known;
  }

  private static Codec build(Type type) {
    if (type instanceof Class<?> c) {
      return forClass(c);
    }
    if (type instanceof WildcardType w) {
      return forType(w.getUpperBounds()[0]);
    }
    if (type instanceof TypeVariable<?>) {
      return RuntimeTypeCodec.INSTANCE;
    }
    if (type instanceof GenericArrayType a) {
      return CollectionCodec.javaArray(Object.class, forType(a.getGenericComponentType()));
    }
    ParameterizedType p = (ParameterizedType) type;
    Class<?> raw = (Class<?>) p.getRawType();
    Type[] args = p.getActualTypeArguments();
    if (raw == Optional.class) {
      return CollectionCodec.optional(forType(args[0]), OptionalKind.OBJECT);
    }
    if (raw == Stream.class) {
      return CollectionCodec.stream(forType(args[0]));
    }
    if (SortedSet.class == raw || NavigableSet.class == raw) {
      return CollectionCodec.array(forType(args[0]), Kind.SORTED_SET);
    }
    if (Set.class == raw) {
      return CollectionCodec.array(forType(args[0]), Kind.SET);
    }
    if (List.class == raw || Collection.class == raw || Iterable.class == raw) {
      return CollectionCodec.array(forType(args[0]), Kind.LIST);
    }
    if (Map.class == raw || SortedMap.class == raw || NavigableMap.class == raw) {
      TextCodec key = keyCodec(args[0]);
      if (key == null) {
        // why: a key that is an object, such as a ForecastPeriod, cannot be a JSON name
        return CollectionCodec.entries(forType(args[0]), forType(args[1]), raw != Map.class);
      }
      return CollectionCodec.map(key, forType(args[1]), raw != Map.class);
    }
    if (raw.isRecord()
        && Rules.isPipelineType(raw)
        && idFactory(raw) == null
        && Rules.unionName(raw) == null) {
      // why: a generic record such as ExpansionPipeline.Line<AccountId> reads its components as
      // the declared arguments; the raw record, whose components are type variables, cannot
      Map<TypeVariable<?>, Type> bindings = new java.util.HashMap<>();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      for (int i = 0; i < variables.length; i++) {
        bindings.put(variables[i], args[i]);
      }
      return recordCodec(raw, bindings);
    }
    return forClass(raw);
  }

  /** Map keys are JSON names: text values, and whole numbers written as text. */
  private static TextCodec keyCodec(Type type) {
    if (type == Integer.class) {
      return TextCodec.<Integer>of(String::valueOf, Integer::valueOf, "must be a whole number");
    }
    if (type == Long.class) {
      return TextCodec.<Long>of(String::valueOf, Long::valueOf, "must be a whole number");
    }
    return forType(type) instanceof TextCodec text ? text : null;
  }

  private static Codec forClass(Class<?> c) {
    if (c == String.class) {
      return TextCodec.<String>of(s -> (String) s, s -> s, "must be a string");
    }
    if (c == boolean.class || c == Boolean.class) {
      return BooleanCodec.INSTANCE;
    }
    if (c == int.class || c == Integer.class) {
      return NumberCodec.INT;
    }
    if (c == long.class || c == Long.class) {
      return NumberCodec.LONG;
    }
    if (c == double.class || c == Double.class) {
      return NumberCodec.DOUBLE;
    }
    if (c == BigDecimal.class) {
      return NumberCodec.DECIMAL;
    }
    if (c == OptionalDouble.class) {
      return CollectionCodec.optional(NumberCodec.DOUBLE, OptionalKind.DOUBLE);
    }
    if (c == OptionalInt.class) {
      return CollectionCodec.optional(NumberCodec.INT, OptionalKind.INT);
    }
    if (c == OptionalLong.class) {
      return CollectionCodec.optional(NumberCodec.LONG, OptionalKind.LONG);
    }
    if (c.isArray()) {
      return CollectionCodec.javaArray(c.getComponentType(), forType(c.getComponentType()));
    }
    Codec time = TimeCodecs.forClass(c);
    if (time != null) {
      return time;
    }
    if (c.isEnum()) {
      return enumCodec(c);
    }
    if (c == Money.class) {
      return MoneyCodec.INSTANCE;
    }
    if (c == ForecastTable.class) {
      return ForecastTableCodec.INSTANCE;
    }
    if (c == Reason.class) {
      return ReasonCodec.INSTANCE;
    }
    if (c == FeedEvent.class) {
      return FeedEventCodec.INSTANCE;
    }
    if (c == RetentionCohort.class) {
      return RetentionCohortCodec.INSTANCE;
    }
    if (!Rules.isPipelineType(c)) {
      return null;
    }
    return pipelineType(c);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Codec enumCodec(Class<?> c) {
    Class<? extends Enum> e = (Class<? extends Enum>) c;
    String names =
        Arrays.stream(e.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    return TextCodec.<Enum<?>>of(
        Enum::name, s -> Enum.valueOf(e, s), "must be one of [" + names + "]");
  }

  private static Codec pipelineType(Class<?> c) {
    Method of = idFactory(c);
    if (of != null) {
      RecordComponent value = c.getRecordComponents()[0];
      Property text =
          new Property("value", Reflection.accessible(value.getAccessor()), value.getType(), null);
      return TextCodec.<Object>of(
          id -> String.valueOf(text.get(id)), s -> invokeStatic(of, s), "must be a string");
    }
    List<Class<?>> members = Rules.unionMembers(c);
    if (members != null) {
      Map<String, ObjectCodec> byName = new java.util.LinkedHashMap<>();
      for (Class<?> member : members) {
        if (!(forType(member) instanceof ObjectCodec codec)) {
          return null;
        }
        byName.put(codec.typeName(), codec);
      }
      return new UnionCodec(c, byName);
    }
    if (c.isRecord()) {
      return recordCodec(c, Map.of());
    }
    Class<?> valueType = Rules.immutableValueType(c);
    if (valueType != null) {
      return valueType == c ? Immutables.codec(c, Rules.unionName(c)) : forType(valueType);
    }
    Class<?> result = Rules.resultType(c);
    if (result != null) {
      return result == c ? ResultCodecs.codec(c, Rules.unionName(c)) : forType(result);
    }
    return null;
  }

  private static Method idFactory(Class<?> c) {
    if (!c.isRecord() || c.getRecordComponents().length != 1) {
      return null;
    }
    try {
      Method of = c.getMethod("of", String.class);
      return Modifier.isStatic(of.getModifiers()) && of.getReturnType() == c ? of : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Object invokeStatic(Method method, Object arg) {
    try {
      return method.invoke(null, arg);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw Reflection.unchecked(e);
    }
  }

  private static Codec recordCodec(Class<?> c, Map<TypeVariable<?>, Type> bindings) {
    RecordComponent[] components = c.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    List<Property> properties = new java.util.ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent rc = components[i];
      types[i] = rc.getType();
      properties.add(
          new Property(
              rc.getName(),
              Reflection.accessible(rc.getAccessor()),
              bindings.getOrDefault(rc.getGenericType(), rc.getGenericType()),
              Rules.emptyValue(rc.getType(), Property.REQUIRED)));
    }
    Constructor<?> canonical;
    try {
      canonical = c.getDeclaredConstructor(types);
      canonical.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record without canonical constructor: " + c, e);
    }
    return new ObjectCodec(
        c,
        Rules.unionName(c),
        properties,
        values -> {
          try {
            return canonical.newInstance(values);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw Reflection.unchecked(e);
          }
        });
  }

  /** Time values as ISO-8601 text, whatever the host mapper's date settings. */
  static final class TimeCodecs {
    private TimeCodecs() {}

    static Codec forClass(Class<?> c) {
      if (c == Instant.class) {
        return TextCodec.<Instant>of(
            Instant::toString,
            Instant::parse,
            "must be an ISO-8601 instant such as 2026-03-31T09:30:00Z");
      }
      if (c == LocalDate.class) {
        return TextCodec.<LocalDate>of(
            LocalDate::toString, LocalDate::parse, "must be an ISO-8601 date such as 2026-03-31");
      }
      if (c == LocalDateTime.class) {
        return TextCodec.<LocalDateTime>of(
            LocalDateTime::toString,
            LocalDateTime::parse,
            "must be an ISO-8601 date and time such as 2026-03-31T09:30");
      }
      if (c == Duration.class) {
        return TextCodec.<Duration>of(
            Duration::toString, Duration::parse, "must be an ISO-8601 duration such as PT36H");
      }
      if (c == Period.class) {
        return TextCodec.<Period>of(
            Period::toString, Period::parse, "must be an ISO-8601 period such as P1M");
      }
      if (c == YearMonth.class) {
        return TextCodec.<YearMonth>of(
            YearMonth::toString, YearMonth::parse, "must be a year and month such as 2026-03");
      }
      if (c == ZoneId.class) {
        return TextCodec.<ZoneId>of(ZoneId::getId, ZoneId::of, "must be a time-zone id");
      }
      if (c == DayOfWeek.class) {
        return TextCodec.<DayOfWeek>of(
            DayOfWeek::name, DayOfWeek::valueOf, "must be a day such as MONDAY");
      }
      if (c == Currency.class) {
        return TextCodec.<Currency>of(
            Currency::getCurrencyCode, Currency::getInstance, "must be an ISO 4217 currency code");
      }
      if (c == UUID.class) {
        return TextCodec.<UUID>of(UUID::toString, UUID::fromString, "must be a UUID");
      }
      return null;
    }
  }
}
