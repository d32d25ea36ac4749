package org.salespipeline.json;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.DealCommand;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.qualification.BantAssessment;
import org.salespipeline.core.qualification.ChampAssessment;
import org.salespipeline.core.qualification.QualificationAssessment;
import org.salespipeline.forecast.bookings.BacktestRow;
import org.salespipeline.forecast.bookings.BookingsAccuracy;
import org.salespipeline.forecast.bookings.BookingsBacktest;
import org.salespipeline.forecast.bookings.BookingsForecast;
import org.salespipeline.forecast.bookings.PartForecast;
import org.salespipeline.forecast.bookings.PartsForecast;
import org.salespipeline.forecast.bookings.RenewalWeights;
import org.salespipeline.forecast.distribution.RevenueDistribution;
import org.salespipeline.forecast.insight.InsightReport;
import org.salespipeline.forecast.insight.RetentionInsight;
import org.salespipeline.forecast.retention.RetentionPeriod;
import org.salespipeline.forecast.retention.RetentionReport;

/** The decisions that are not structural: which types are results, which interfaces unions. */
final class Rules {
  private Rules() {}

  /**
   * Interfaces that are not sealed but whose members the JSON knows, by their {@code @type} name:
   * commands (so one endpoint can read any command) and the two built-in qualification assessments.
   * A host's own assessment is not mapped.
   */
  static final Map<Class<?>, List<Class<?>>> OPEN_UNIONS =
      Map.of(
          DealCommand.class,
          List.of(
              OpenDeal.class,
              MoveDeal.class,
              UpdateDeal.class,
              LogActivity.class,
              ScheduleFollowUp.class,
              RecordQualification.class,
              CloseDeal.class,
              ReopenDeal.class),
          QualificationAssessment.class,
          List.of(BantAssessment.class, ChampAssessment.class));

  /**
   * Computed results without a builder or canonical constructor: written from their public no-arg
   * methods and never read back (a report is recomputed from the pipeline, not parsed).
   */
  static final Set<Class<?>> RESULTS =
      Set.of(
          InsightReport.class,
          BookingsForecast.class,
          BookingsBacktest.class,
          BacktestRow.class,
          BookingsAccuracy.class,
          RevenueDistribution.class,
          RetentionReport.class,
          RetentionPeriod.class,
          PartsForecast.class,
          PartForecast.class,
          RenewalWeights.class,
          RetentionInsight.class);

  static boolean isPipelineType(Class<?> c) {
    String name = c.getName();
    return (name.startsWith("org.salespipeline.core.")
            || name.startsWith("org.salespipeline.forecast."))
        && !c.isAnnotation()
        && !Throwable.class.isAssignableFrom(c);
  }

  /** The members of a union, or null when the type is no union. */
  static List<Class<?>> unionMembers(Class<?> c) {
    if (c.isInterface() && c.isSealed()) {
      return List.of(c.getPermittedSubclasses());
    }
    return OPEN_UNIONS.get(c);
  }

  /** The {@code @type} name of a union member, or null when the type belongs to no union. */
  static String unionName(Class<?> c) {
    if (!belongsToUnion(c)) {
      return null;
    }
    try {
      Field type = c.getField("TYPE");
      if (Modifier.isStatic(type.getModifiers()) && type.getType() == String.class) {
        return (String) type.get(null);
      }
    } catch (NoSuchFieldException | IllegalAccessException e) {
      // why: members without a TYPE constant are named by their simple name
    }
    return c.getSimpleName();
  }

  private static boolean belongsToUnion(Class<?> c) {
    java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>(List.of(c.getInterfaces()));
    while (!todo.isEmpty()) {
      Class<?> i = todo.pop();
      List<Class<?>> members = unionMembers(i);
      if (members != null && members.contains(c)) {
        return true;
      }
      todo.addAll(List.of(i.getInterfaces()));
    }
    return false;
  }

  /**
   * The Immutables value type of a class (itself, or the abstract class a generated {@code
   * ImmutableX} extends): an abstract class with a static {@code builder()} whose builder has
   * {@code build()}. Null otherwise.
   */
  static Class<?> immutableValueType(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      if (Modifier.isAbstract(k.getModifiers()) && !k.isInterface() && builderOf(k) != null) {
        return k;
      }
    }
    return null;
  }

  static Method builderOf(Class<?> c) {
    try {
      Method builder = c.getMethod("builder");
      if (!Modifier.isStatic(builder.getModifiers())) {
        return null;
      }
      builder.getReturnType().getMethod("build");
      return builder;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The listed result type a class is or implements, or null. */
  static Class<?> resultType(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      if (RESULTS.contains(k)) {
        return k;
      }
      for (Class<?> i : k.getInterfaces()) {
        if (RESULTS.contains(i)) {
          return i;
        }
      }
    }
    return null;
  }

  /** What an absent field means for a value of this type: empty, or {@code otherwise}. */
  static Object emptyValue(Class<?> type, Object otherwise) {
    if (type == Optional.class) {
      return Optional.empty();
    }
    if (type == OptionalDouble.class) {
      return OptionalDouble.empty();
    }
    if (type == OptionalInt.class) {
      return OptionalInt.empty();
    }
    if (type == OptionalLong.class) {
      return OptionalLong.empty();
    }
    if (type == List.class || type == java.util.Collection.class) {
      return List.of();
    }
    if (type == SortedSet.class || type == java.util.NavigableSet.class) {
      return Collections.unmodifiableSortedSet(new TreeSet<>());
    }
    if (type == Set.class) {
      return Set.of();
    }
    if (type == SortedMap.class || type == java.util.NavigableMap.class) {
      return Collections.emptySortedMap();
    }
    if (type == Map.class) {
      return Map.of();
    }
    return otherwise;
  }
}
