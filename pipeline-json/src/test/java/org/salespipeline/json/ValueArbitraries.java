package org.salespipeline.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.salespipeline.core.Activity;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.FeedEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.forecast.insight.Reason;
import org.salespipeline.forecast.insight.ReasonCode;

/**
 * jqwik arbitraries for every readable pipeline type, derived from the same property model the
 * rules use: ids from random UUIDs or names, money in currencies with 0, 2 and 3 fraction digits,
 * records through their canonical constructor, Immutables values through their builder (optional
 * attributes sometimes left to the builder's default), unions through any member. Values the
 * library refuses (a {@code @Value.Check} or a record's own check) are filtered out.
 */
public final class ValueArbitraries {
  private ValueArbitraries() {}

  private static final Map<Type, Arbitrary<?>> CACHE = new ConcurrentHashMap<>();
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY", "BHD", "CHF");

  /** Values of a readable type (its declared class, for example {@code Deal.class}). */
  @SuppressWarnings("unchecked")
  public static <T> Arbitrary<T> of(Class<T> type) {
    return (Arbitrary<T>) forType(type);
  }

  static Arbitrary<?> forType(Type type) {
    Arbitrary<?> known = CACHE.get(type);
    if (known == null) {
      known = Arbitraries.lazy(() -> build(type));
      CACHE.putIfAbsent(type, known);
    }
    return known;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Arbitrary<?> build(Type type) {
    if (type instanceof WildcardType w) {
      return forType(w.getUpperBounds()[0]);
    }
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return forType(args[0]).optional();
      }
      if (raw == List.class || raw == java.util.Collection.class) {
        return forType(args[0]).list().ofMaxSize(3).map(Collections::unmodifiableList);
      }
      if (raw == Set.class) {
        return forType(args[0]).set().ofMaxSize(3).map(s -> Set.copyOf((Set) s));
      }
      if (raw == SortedSet.class) {
        return forType(args[0]).set().ofMaxSize(3).map(s -> new TreeSet<>((Set) s));
      }
      if (raw == Map.class || raw == SortedMap.class) {
        Arbitrary<?> keys =
            args[0] == String.class
                ? Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6)
                : forType(args[0]);
        Arbitrary<Map<Object, Object>> maps =
            Arbitraries.maps((Arbitrary<Object>) keys, (Arbitrary<Object>) forType(args[1]))
                .ofMaxSize(3);
        return raw == SortedMap.class
            ? maps.map(TreeMap::new)
            : maps.map(java.util.LinkedHashMap::new);
      }
      if (raw.isRecord()
          && Codecs.forType(p) instanceof ObjectCodec generic
          && generic.readable()) {
        return objects(generic); // why: a generic record, such as ExpansionPipeline.Line<AccountId>
      }
      return forType(raw);
    }
    Class<?> c = (Class<?>) type;
    Arbitrary<?> special = special(c);
    if (special != null) {
      return special;
    }
    if (c == String.class) {
      return Arbitraries.strings()
          .withCharRange('a', 'z')
          .withChars(' ', 'é', '"', '\\', '€', '\n')
          .ofMinLength(1)
          .ofMaxLength(12);
    }
    if (c == boolean.class || c == Boolean.class) {
      return Arbitraries.of(true, false);
    }
    if (c == int.class || c == Integer.class) {
      return Arbitraries.integers().between(0, 100_000);
    }
    if (c == long.class || c == Long.class) {
      return Arbitraries.longs().between(1, 1_000_000_000_000L);
    }
    if (c == double.class || c == Double.class) {
      return Arbitraries.oneOf(
          Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(-1e9, 1e9));
    }
    if (c == BigDecimal.class) {
      return Combinators.combine(
              Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
              Arbitraries.integers().between(0, 4))
          .as(BigDecimal::valueOf);
    }
    if (c == OptionalDouble.class) {
      return forType(double.class)
          .optional()
          .map(o -> o.map(d -> OptionalDouble.of((Double) d)).orElse(OptionalDouble.empty()));
    }
    if (c == OptionalInt.class) {
      return forType(int.class)
          .optional()
          .map(o -> o.map(i -> OptionalInt.of((Integer) i)).orElse(OptionalInt.empty()));
    }
    if (c == OptionalLong.class) {
      return forType(long.class)
          .optional()
          .map(o -> o.map(l -> OptionalLong.of((Long) l)).orElse(OptionalLong.empty()));
    }
    if (c == UUID.class) {
      return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }
    if (c == Instant.class) {
      return Combinators.combine(
              Arbitraries.longs().between(0, 4_000_000_000L),
              Arbitraries.integers().between(0, 999_999_999))
          .as((s, n) -> Instant.ofEpochSecond(s, n));
    }
    if (c == LocalDate.class) {
      return Arbitraries.longs().between(0, 50_000).map(LocalDate::ofEpochDay);
    }
    if (c == Duration.class) {
      return Arbitraries.longs().between(0, 100_000_000).map(Duration::ofSeconds);
    }
    if (c == java.time.Period.class) {
      return Arbitraries.integers().between(0, 400).map(java.time.Period::ofDays);
    }
    if (c == java.time.YearMonth.class) {
      return Arbitraries.integers().between(1990, 2100).map(y -> java.time.YearMonth.of(y, 3));
    }
    if (c == java.time.ZoneId.class) {
      return Arbitraries.of("UTC", "Europe/Berlin", "America/New_York").map(java.time.ZoneId::of);
    }
    if (c == java.time.LocalDateTime.class) {
      return forType(Instant.class)
          .map(i -> java.time.LocalDateTime.ofInstant((Instant) i, java.time.ZoneOffset.UTC));
    }
    if (c == Currency.class) {
      return Arbitraries.of(CURRENCIES).map(Currency::getInstance);
    }
    if (c.isEnum()) {
      return Arbitraries.of((Class<Enum>) c);
    }
    if (c == Money.class) {
      return Combinators.combine(
              Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
              Arbitraries.of(CURRENCIES))
          .as((minor, code) -> Money.ofMinor(minor, Currency.getInstance(code)));
    }
    Codec codec = Codecs.forType(c);
    if (codec instanceof TextCodec text && c.isRecord()) {
      Class<?> valueType = c.getRecordComponents()[0].getType();
      Arbitrary<String> texts =
          valueType == UUID.class
              ? forType(UUID.class).map(Object::toString)
              : Combinators.combine(
                      Arbitraries.strings().alpha().ofLength(1),
                      Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMaxLength(9))
                  .as(String::concat);
      return texts.map(t -> text.fromText(t, Path.ROOT));
    }
    if (codec instanceof UnionCodec union) {
      List<Arbitrary<?>> members = new ArrayList<>();
      for (ObjectCodec member : union.members().values()) {
        members.add(forType(member.type()));
      }
      return Arbitraries.oneOf((List) members);
    }
    if (codec instanceof ObjectCodec object && object.readable()) {
      return objects(object);
    }
    throw new IllegalArgumentException("no arbitrary for " + type);
  }

  /**
   * Types whose invariants random parts rarely meet: built from parts that meet them, rather than
   * filtered.
   */
  @SuppressWarnings("unchecked")
  private static Arbitrary<?> special(Class<?> c) {
    if (c == PipelineDefinition.class) {
      // why: a valid definition needs unique stage keys, ordered open stages and closed outcomes
      return Arbitraries.of(StandardPipelines.newBusiness(), StandardPipelines.renewals());
    }
    if (c == FeedEvent.class) {
      return Combinators.combine(
              Arbitraries.longs().between(1, Long.MAX_VALUE), of(DealEvent.class))
          .as(FeedEvent::of);
    }
    if (c == Reason.class) {
      // why: each code takes its own value names, each name one type
      return Arbitraries.of(ReasonCode.class).flatMap(ValueArbitraries::reasons);
    }
    if (c == DealCommit.class) {
      Arbitrary<Deal> deals = of(Deal.class);
      Arbitrary<List<DealEvent>> events = of(DealEvent.class).list().ofMinSize(1).ofMaxSize(2);
      Arbitrary<List<Activity>> activities = of(Activity.class).list().ofMaxSize(2);
      Arbitrary<Optional<CustomerRetention>> retention = of(CustomerRetention.class).optional();
      Arbitrary<Optional<String>> key = of(String.class).optional();
      return Combinators.combine(deals, events, activities, retention, key, key)
          .as(
              (deal, list, acts, ret, k, fingerprint) ->
                  new DealCommit(deal.version() - 1, deal, list, acts, ret, k, fingerprint));
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Arbitrary<Reason> reasons(ReasonCode code) {
    List<Arbitrary<Object>> parts = new ArrayList<>();
    for (String name : code.valueNames()) {
      parts.add((Arbitrary<Object>) forType(ReasonCodec.valueType(name)));
    }
    if (parts.isEmpty()) {
      return Arbitraries.just(ReasonCodec.create(code, Map.of()));
    }
    return Combinators.combine(parts)
        .as(
            values -> {
              Map<String, Object> byName = new java.util.LinkedHashMap<>();
              for (int i = 0; i < values.size(); i++) {
                byName.put(code.valueNames().get(i), values.get(i));
              }
              return ReasonCodec.create(code, byName);
            });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Arbitrary<?> objects(ObjectCodec codec) {
    List<Arbitrary<Object>> parts = new ArrayList<>();
    boolean record = codec.type().isRecord();
    // why: a scoring policy's weights, credits and scores must all be in range at once; doubles
    // from
    // the whole line made nearly every BANT or CHAMP policy invalid
    boolean policy =
        codec.type().getPackageName().endsWith(".qualification")
            && codec.type().getSimpleName().endsWith("Policy");
    for (Property p : codec.properties()) {
      Arbitrary<Object> values =
          policy && (p.type == double.class || p.type == Double.class)
              ? (Arbitrary) Arbitraries.doubles().between(0.01, 1)
              : selfNested(codec.type(), p.type) != null
                  ? selfNested(codec.type(), p.type)
                  : (Arbitrary<Object>) forType(p.type);
      if (!record && p.absent == Property.BUILDER_DEFAULT) {
        values =
            values.optional().map(o -> ((Optional<Object>) o).orElse(Property.BUILDER_DEFAULT));
      }
      parts.add(values);
    }
    if (parts.isEmpty()) {
      return Arbitraries.just(create(codec, new Object[0])).filter(v -> v != null);
    }
    return Combinators.combine(parts)
        .as(values -> create(codec, values.toArray()))
        .filter(v -> v != null);
  }

  /**
   * For a property that holds a list or set of its own type (a scope narrowed by scopes), values
   * that are mostly empty and hold at most one element, so generation nests a finite depth (about
   * one level in four); null for any other property.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Arbitrary<Object> selfNested(Class<?> owner, Type type) {
    if (!(type instanceof ParameterizedType p)
        || p.getActualTypeArguments().length != 1
        || p.getActualTypeArguments()[0] != owner) {
      return null;
    }
    Class<?> raw = (Class<?>) p.getRawType();
    if (raw != List.class && raw != Set.class && raw != java.util.Collection.class) {
      return null;
    }
    Arbitrary<List<Object>> one =
        ((Arbitrary<Object>) forType(owner)).list().ofMinSize(1).ofMaxSize(1);
    Arbitrary<List<Object>> nested =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just(List.of())), net.jqwik.api.Tuple.of(1, one));
    return raw == Set.class
        ? (Arbitrary) nested.map(Set::copyOf)
        : (Arbitrary) nested.map(Collections::unmodifiableList);
  }

  private static Object create(ObjectCodec codec, Object[] values) {
    try {
      return codec.create(values);
    } catch (Exception e) {
      return null; // why: refused by the library's own checks; not a value
    }
  }
}
