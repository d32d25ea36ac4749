package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * Issue 15, item 5: a command without an expected version is retried on a version conflict, a
 * bounded number of times; a command with one never is.
 */
class ConflictRetryTest {
  private static final UserId ANN = UserId.of("ann");

  private final InMemoryPipelineStore store = new InMemoryPipelineStore();
  private final AtomicInteger interferences = new AtomicInteger();
  private final AtomicInteger loads = new AtomicInteger();
  private SalesPipeline other;
  private DealId target;

  /**
   * A store whose view, each time the engine has read the target deal and while {@code
   * interferences} is positive, lets another engine update that deal before the command commits.
   */
  private PipelineStore racing() {
    return ws -> {
      WorkspaceStore view = store.workspace(ws);
      return (WorkspaceStore)
          Proxy.newProxyInstance(
              WorkspaceStore.class.getClassLoader(),
              new Class<?>[] {WorkspaceStore.class},
              (proxy, method, args) -> {
                Object value;
                try {
                  value = method.invoke(view, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
                if (method.getName().equals("deal") && args[0].equals(target)) {
                  loads.incrementAndGet();
                  if (interferences.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    other.update(
                        UpdateDeal.builder()
                            .deal(target)
                            .actor(UserId.of("bob"))
                            .amount(Money.of(loads.get(), "EUR"))
                            .build());
                  }
                }
                return value;
              });
    };
  }

  private SalesPipeline engine(ConflictRetries retries) {
    other = SalesPipeline.builder().store(store).build();
    target =
        other
            .openDeal(
                OpenDeal.builder()
                    .name("Acme")
                    .owner(ANN)
                    .actor(ANN)
                    .amount(Money.of(1_000, "EUR"))
                    .expectedCloseDate(LocalDate.now().plusMonths(1))
                    .build())
            .deal()
            .id();
    return SalesPipeline.builder().store(racing()).conflictRetries(retries).build();
  }

  private static UpdateDeal.Builder update(DealId id) {
    return UpdateDeal.builder().deal(id).actor(ANN).amount(Money.of(5_000, "EUR"));
  }

  @Test
  void aCommandWithoutAVersionIsRetriedOnTheFreshDeal() {
    SalesPipeline pipeline = engine(ConflictRetries.defaults());
    interferences.set(2);

    CommandResult result = pipeline.update(update(target).build());

    assertThat(result.attempts()).isEqualTo(3);
    assertThat(result.deal().version()).isEqualTo(4);
    assertThat(result.deal().amount()).isEqualTo(Money.of(5_000, "EUR"));
    assertThat(pipeline.history(target)).hasSize(4);
  }

  @Test
  void activitiesAreRetriedToo() {
    SalesPipeline pipeline = engine(ConflictRetries.defaults());
    interferences.set(1);

    Activity logged =
        pipeline.logActivity(
            LogActivity.builder()
                .deal(target)
                .actor(ANN)
                .type(ActivityType.CALL)
                .subject("Kick-off")
                .build());

    assertThat(pipeline.activities(target)).containsExactly(logged);
    assertThat(pipeline.requireDeal(target).version()).isEqualTo(3);
  }

  @Test
  void retriesAreBoundedAndTheLastConflictSurfaces() {
    SalesPipeline pipeline = engine(ConflictRetries.of(3, Duration.ZERO, Duration.ZERO));
    interferences.set(100);

    assertThatThrownBy(() -> pipeline.update(update(target).build()))
        .isInstanceOf(ConcurrentDealModificationException.class);
    assertThat(loads.get()).isEqualTo(3);
    assertThat(pipeline.requireDeal(target).amount()).isNotEqualTo(Money.of(5_000, "EUR"));
  }

  @Test
  void aCommandWithAnExpectedVersionIsNeverRetried() {
    SalesPipeline pipeline = engine(ConflictRetries.defaults());
    interferences.set(1);

    assertThatThrownBy(() -> pipeline.update(update(target).expectedVersion(1).build()))
        .isInstanceOf(ConcurrentDealModificationException.class);
    assertThat(loads.get()).isEqualTo(1);
  }

  @Test
  void noRetriesLetsTheFirstConflictSurface() {
    SalesPipeline pipeline = engine(ConflictRetries.none());
    interferences.set(1);

    assertThatThrownBy(() -> pipeline.update(update(target).build()))
        .isInstanceOf(ConcurrentDealModificationException.class);
    assertThat(loads.get()).isEqualTo(1);
  }

  @Test
  void badSettingsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> ConflictRetries.of(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("maxAttempts")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> ConflictRetries.of(3, Duration.ofMillis(-1), Duration.ZERO))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("firstBackoff");
    assertThatThrownBy(() -> ConflictRetries.of(3, Duration.ofMillis(5), Duration.ofMillis(1)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("maxBackoff");
    assertThatThrownBy(
            () ->
                SalesPipeline.builder()
                    .conflictRetries(ConflictRetries.none())
                    .conflictRetries(ConflictRetries.defaults()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("conflictRetries was already set");
  }

  /** The wait before a retry is jittered below a bound that doubles and never passes the max. */
  @Property
  void backoffBoundsDoubleUpToTheMaxAndJitterStaysBelowThem(
      @ForAll @IntRange(min = 1, max = 100) int attempt,
      @ForAll @LongRange(min = 0, max = 1_000_000) long firstMicros,
      @ForAll @LongRange(min = 0, max = 10_000_000) long extraMicros,
      @ForAll long seed) {
    ConflictRetries retries =
        ConflictRetries.of(
            100,
            Duration.ofNanos(firstMicros * 1000),
            Duration.ofNanos((firstMicros + extraMicros) * 1000));
    long bound = retries.backoffBoundNanos(attempt);
    long max = retries.maxBackoff().toNanos();

    assertThat(bound).isBetween(0L, max);
    assertThat(retries.backoffBoundNanos(attempt + 1)).isGreaterThanOrEqualTo(bound);
    if (attempt == 1) {
      assertThat(bound).isEqualTo(retries.firstBackoff().toNanos());
    } else if (bound < max) {
      assertThat(bound).isEqualTo(retries.backoffBoundNanos(attempt - 1) * 2);
    }
    long wait = retries.jitteredBackoffNanos(attempt, new java.util.Random(seed));
    assertThat(wait).isGreaterThanOrEqualTo(0);
    assertThat(wait).isLessThanOrEqualTo(Math.max(0, bound - 1));
  }
}
