package org.salespipeline.json;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The JSON shape of the public pipeline types, independent of any JSON library. The Jackson 2 and
 * Jackson 3 modules ({@code pipeline-jackson}, {@code pipeline-jackson3}) adapt it to their
 * streaming APIs; hosts use those, not this class.
 *
 * <p>The rules, in one place so that both Jackson lines write the same bytes:
 *
 * <ul>
 *   <li>{@code Money} is {@code {"amount":"123.45","currency":"EUR"}}, the amount an exact decimal
 *       string (a JSON number is accepted when reading).
 *   <li>Ids ({@code DealId}, {@code UserId}, ...) are plain strings; enums their names; {@code
 *       Instant}, {@code LocalDate}, {@code Duration} ISO-8601 strings; {@code BigDecimal} a
 *       decimal string; non-finite doubles the strings {@code "NaN"}, {@code "Infinity"}.
 *   <li>Records are objects of their components; Immutables values (such as {@code Deal} and the
 *       commands) objects of the attributes their builder sets, read back through the builder.
 *       Empty optionals are left out; absent fields read as empty optionals, empty collections or
 *       the builder's default; a required field that is absent is reported.
 *   <li>A sealed interface such as {@code Change} is written with its member's stable type name in
 *       {@code "@type"} ({@code Change.Created.TYPE}); so are commands (any {@code DealCommand})
 *       and the built-in qualification assessments.
 *   <li>An insight {@code Reason} is {@code {"code":"idle","values":{...},"text":"..."}}: its
 *       stable code, its values (each with the rules of its type, taken from the value's name when
 *       reading) and the English text, which is written for people and ignored when reading.
 *   <li>Computed results ({@code InsightReport}, {@code BookingsForecast}, {@code ForecastTable},
 *       ...) are written only.
 * </ul>
 *
 * <p>Reading works on a plain tree that the adapter builds from its parser: {@code Map<String,
 * Object>} for objects (in document order), {@code List<Object>} for arrays, {@code String}, {@code
 * java.math.BigDecimal} for every number, {@code Boolean}, and {@code null}. A JSON null means the
 * same as an absent field. Every problem is reported with its JSON path; nothing is built unless
 * the whole value is valid.
 *
 * <p>Thread-safe; the rules of each type are computed once.
 */
public final class PipelineJson {
  private PipelineJson() {}

  /** The field that names the member of a union, for example {@code "@type":"StageChanged"}. */
  public static final String TYPE_FIELD = ObjectCodec.TYPE_FIELD;

  /**
   * Whether the rules map this class: a public pipeline type of {@code pipeline-core} or {@code
   * pipeline-forecast} that is data (not an engine, store or exception), or an implementation of
   * one. Enums are left to the JSON library, which writes their names as the rules do.
   */
  public static boolean isMapped(Class<?> type) {
    return Rules.isPipelineType(type) && !type.isEnum() && Codecs.find(type).isPresent();
  }

  /** Whether a mapped type can be read back; computed results are written only. */
  public static boolean isReadable(Class<?> type) {
    return isMapped(type) && Codecs.forType(type).readable();
  }

  /**
   * Whether a mapped type is written as one string (the ids), so it can also be the key of a JSON
   * object, for example in a host's {@code Map<DealId, Deal>}.
   */
  public static boolean isText(Class<?> type) {
    return isMapped(type) && Codecs.forType(type) instanceof TextCodec;
  }

  /**
   * The string of a value of a {@link #isText text} type, for example a deal id's UUID.
   *
   * @throws IllegalArgumentException if its class is not a text type
   */
  public static String toText(Object value) {
    if (!(Codecs.forType(value.getClass()) instanceof TextCodec text)) {
      throw new IllegalArgumentException(value.getClass() + " is not written as a string");
    }
    return text.text(value);
  }

  /**
   * A value of a {@link #isText text} type from its string.
   *
   * @throws InvalidJsonException naming the rule the string breaks, at path {@code $}
   * @throws IllegalArgumentException if the type is not a text type
   */
  public static Object fromText(Class<?> type, String text) {
    if (!(Codecs.forType(type) instanceof TextCodec codec)) {
      throw new IllegalArgumentException(type + " is not written as a string");
    }
    return codec.fromText(text, Path.ROOT);
  }

  /**
   * Writes a value of a mapped type.
   *
   * @throws IllegalArgumentException if its class is not {@link #isMapped mapped}
   * @throws IOException as the writer throws it
   */
  public static void write(Object value, JsonWriter out) throws IOException {
    Objects.requireNonNull(value, "value");
    Codecs.forType(value.getClass()).write(value, out);
  }

  /**
   * Reads a value of a mapped type from its JSON tree (see the class comment).
   *
   * @param type the type to read, a class or a parameterized type
   * @param json the tree; null reads as null
   * @param failOnUnknownFields whether a field the type does not have is a problem (the host
   *     mapper's setting) or ignored
   * @throws InvalidJsonException listing every problem with its path, relative to {@code $}
   * @throws IllegalArgumentException if the type is not mapped
   */
  public static Object read(Type type, Object json, boolean failOnUnknownFields) {
    if (json == null) {
      return null;
    }
    return Codecs.forType(type).read(json, Path.ROOT, new Codec.Reading(failOnUnknownFields));
  }
}
