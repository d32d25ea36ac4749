package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ClosedDealException;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.ConcurrentRetentionModificationException;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.CurrencyConversionException;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealNotFoundException;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.IllegalRetentionMoveException;
import org.salespipeline.core.IllegalTransitionException;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.rule.RuleViolation;
import org.salespipeline.core.store.CommitOutcomeUnknownException;
import org.salespipeline.core.store.CorruptRecordException;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.IdempotencyKeyReusedException;
import org.salespipeline.jdbc.SchemaException;

/**
 * Issue 14, item 15: every {@link PipelineException} of every module carries a stable error code of
 * its own, never {@link ErrorCode#UNCLASSIFIED}. The test finds the exception classes on the class
 * path (this module depends on all the others), so a new exception without a code, or without a
 * sample here, fails it.
 */
class ErrorCodesOfEveryModuleTest {
  static final DealId DEAL = new DealId(new UUID(1, 1));

  /** One instance of every exception class of the library, with the code it must carry. */
  static Map<Class<?>, Sample> samples() {
    Map<Class<?>, Sample> samples = new LinkedHashMap<>();
    add(
        samples,
        new ValidationException(FieldProblem.of("amount", "-1", "must not be negative")),
        ErrorCode.VALIDATION);
    add(
        samples,
        new IllegalTransitionException(
            DEAL, "prospecting", "closing", List.of(RuleViolation.of("no_skipping", "skips"))),
        ErrorCode.ILLEGAL_TRANSITION);
    add(
        samples,
        new IllegalRetentionMoveException(
            new AccountId(DEAL.value()),
            RetentionStatus.CHURNED,
            "atRisk",
            List.of(RuleViolation.of("allowed_moves", "churned accounts must be reactivated"))),
        ErrorCode.ILLEGAL_RETENTION_MOVE);
    add(samples, new DealNotFoundException(WorkspaceId.of("acme"), DEAL), ErrorCode.DEAL_NOT_FOUND);
    add(samples, new ClosedDealException(DEAL, DealStatus.WON, "move"), ErrorCode.CLOSED_DEAL);
    add(
        samples,
        new ConcurrentDealModificationException(DEAL, 1, 2),
        ErrorCode.CONCURRENT_DEAL_MODIFICATION);
    add(
        samples,
        new ConcurrentRetentionModificationException(new AccountId(DEAL.value()), 1, 2),
        ErrorCode.CONCURRENT_RETENTION_MODIFICATION);
    add(
        samples,
        new DuplicateIdempotencyKeyException("order-17"),
        ErrorCode.DUPLICATE_IDEMPOTENCY_KEY);
    add(
        samples,
        new IdempotencyKeyReusedException("order-17", "a1", "b2"),
        ErrorCode.IDEMPOTENCY_KEY_REUSED);
    add(
        samples,
        new CurrencyConversionException(
            Currency.getInstance("USD"), Currency.getInstance("EUR"), LocalDate.of(2026, 1, 1)),
        ErrorCode.CURRENCY_CONVERSION);
    org.salespipeline.core.org.OrgNode alice =
        org.salespipeline.core.org.OrgNode.user(org.salespipeline.core.UserId.of("alice"));
    org.salespipeline.core.call.CallPeriod q2 =
        org.salespipeline.core.call.CallPeriod.of(
            java.time.LocalDate.of(2026, 4, 1), java.time.LocalDate.of(2026, 7, 1));
    java.time.Instant noon = java.time.Instant.parse("2026-04-07T12:00:00Z");
    add(
        samples,
        new org.salespipeline.core.call.CallRefusedException(
            alice,
            q2,
            org.salespipeline.core.call.SubmissionWindow.Refusal.LATE,
            noon,
            new org.salespipeline.core.call.SubmissionWindow(
                noon.minusSeconds(3600), noon.minusSeconds(60), noon.plusSeconds(3600))),
        ErrorCode.CALL_REFUSED);
    add(
        samples,
        new org.salespipeline.core.call.ConcurrentAdjustmentModificationException(
            org.salespipeline.core.call.AdjustmentCell.of(
                alice, q2, "revenue", org.salespipeline.core.call.CallCategory.COMMIT),
            1,
            2),
        ErrorCode.CONCURRENT_ADJUSTMENT_MODIFICATION);
    add(
        samples,
        new org.salespipeline.core.call.AdjustmentNotAllowedException(
            org.salespipeline.core.UserId.of("bob"), alice),
        ErrorCode.ADJUSTMENT_NOT_ALLOWED);
    add(samples, new ConfigurationException("store was already set"), ErrorCode.CONFIGURATION);
    add(samples, new StorageException("disk full"), ErrorCode.STORAGE);
    add(samples, new SchemaException("table deal is missing"), ErrorCode.SCHEMA);
    add(
        samples,
        new CommitOutcomeUnknownException("commit of deal d-1", new IllegalStateException("reset")),
        ErrorCode.COMMIT_OUTCOME_UNKNOWN);
    add(
        samples,
        new CorruptRecordException("deals", "d-1", new IllegalStateException("bad body")),
        ErrorCode.CORRUPT_RECORD);
    add(
        samples,
        new org.salespipeline.core.access.AccessDeniedException(
            org.salespipeline.core.UserId.of("alice"),
            org.salespipeline.core.access.Action.MOVE,
            java.util.Optional.empty(),
            "no grant gives MOVE"),
        ErrorCode.ACCESS_DENIED);
    return samples;
  }

  record Sample(PipelineException exception, ErrorCode code) {}

  static void add(Map<Class<?>, Sample> samples, PipelineException e, ErrorCode code) {
    samples.put(e.getClass(), new Sample(e, code));
  }

  @Test
  void everyExceptionClassOfTheLibraryHasASampleHere() {
    Set<String> found = new TreeSet<>();
    for (Class<?> c : libraryClasses()) {
      if (PipelineException.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
        found.add(c.getName());
      }
    }
    Set<String> sampled = new TreeSet<>();
    samples().keySet().forEach(c -> sampled.add(c.getName()));

    assertThat(found)
        .as("PipelineException classes on the class path; give each a sample with its code")
        .isEqualTo(sampled);
  }

  @Test
  void everyExceptionCarriesItsOwnStableCode() {
    Set<ErrorCode> used = new TreeSet<>();
    samples()
        .forEach(
            (type, sample) -> {
              assertThat(sample.exception().errorCode())
                  .as("code of %s", type.getSimpleName())
                  .isEqualTo(sample.code())
                  .isNotEqualTo(ErrorCode.UNCLASSIFIED);
              assertThat(ErrorCode.ofCode(sample.code().code())).contains(sample.code());
              used.add(sample.code());
            });
    // one code per kind: no two exception classes share a code
    assertThat(used).hasSameSizeAs(samples().keySet());
  }

  /** The concrete classes in the library's packages on the class path (directories and jars). */
  static List<Class<?>> libraryClasses() {
    Set<String> names = new TreeSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path root = path.resolve("org/salespipeline");
        if (Files.isDirectory(root)) {
          try (Stream<Path> files = Files.walk(root)) {
            files
                .map(f -> path.relativize(f).toString().replace(File.separatorChar, '/'))
                .forEach(n -> addClass(names, n));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      } else if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("pipeline-")) {
        try (JarFile jar = new JarFile(path.toFile())) {
          jar.stream().forEach(e -> addClass(names, e.getName()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    assertThat(names)
        .as("the library's modules are on the class path")
        .anyMatch(n -> n.startsWith("org.salespipeline.core."))
        .anyMatch(n -> n.startsWith("org.salespipeline.jdbc."))
        .anyMatch(n -> n.startsWith("org.salespipeline.forecast."));
    return names.stream().map(ErrorCodesOfEveryModuleTest::load).toList();
  }

  private static void addClass(Set<String> names, String file) {
    if (file.startsWith("org/salespipeline/") && file.endsWith(".class")) {
      names.add(file.substring(0, file.length() - ".class".length()).replace('/', '.'));
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ErrorCodesOfEveryModuleTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new AssertionError("cannot load " + name, e);
    }
  }
}
