package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.ImportResult;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.CommitOutcomeUnknownException;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * Issue 14, item 5: a commit whose connection broke may or may not be written. The engine reads
 * back (idempotency key, else the deal's history) and answers success if it was written, a plain
 * StorageException if it surely was not, and {@link CommitOutcomeUnknownException} only when it
 * cannot tell.
 */
class CommitOutcomeTest {

  /** What the next commit does. */
  enum Fault {
    NONE,
    /** Writes, then reports the lost connection. */
    AFTER,
    /** Reports the lost connection without writing. */
    BEFORE,
    /** Like BEFORE, and every read fails afterwards too (the database is gone). */
    BEFORE_AND_READS_FAIL
  }

  final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
  final AtomicReference<Boolean> readsFail = new AtomicReference<>(false);
  final InMemoryPipelineStore memory = new InMemoryPipelineStore();
  final TestClock clock = Fixtures.clock();
  final List<Integer> heard = new ArrayList<>();
  final SalesPipeline pipeline =
      SalesPipeline.builder()
          .store(faulty(memory))
          .clock(clock)
          .rules(RuleSet.none())
          .listener(events -> heard.add(events.size()))
          .build();

  PipelineStore faulty(PipelineStore target) {
    return ws -> {
      WorkspaceStore real = target.workspace(ws);
      return (WorkspaceStore)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {WorkspaceStore.class},
              (proxy, method, args) -> {
                String name = method.getName();
                boolean write = name.equals("commit") || name.equals("commitAll");
                Fault f = write ? fault.getAndSet(Fault.NONE) : Fault.NONE;
                if (!write && readsFail.get() && !name.equals("workspaceId")) {
                  throw new StorageException("injected: database unreachable");
                }
                if (f == Fault.BEFORE || f == Fault.BEFORE_AND_READS_FAIL) {
                  readsFail.set(f == Fault.BEFORE_AND_READS_FAIL);
                  throw new CommitOutcomeUnknownException(
                      "injected: connection lost before the commit", null);
                }
                Object result;
                try {
                  result = method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
                if (f == Fault.AFTER) {
                  throw new CommitOutcomeUnknownException(
                      "injected: connection lost after the commit", null);
                }
                return result;
              });
    };
  }

  Deal open(java.util.Optional<String> key) {
    return pipeline.openDeal(Fixtures.openDeal().idempotencyKey(key).build()).deal();
  }

  MoveDeal move(Deal deal, String key) {
    MoveDeal.Builder b =
        MoveDeal.builder().deal(deal.id()).toStage("qualification").actor(Fixtures.ALICE);
    if (key != null) {
      b.idempotencyKey(key);
    }
    return b.build();
  }

  @Test
  void aCommitWrittenBeforeTheConnectionBrokeIsASuccess_byKey() {
    Deal deal = open(java.util.Optional.empty());
    heard.clear();
    fault.set(Fault.AFTER);
    CommandResult result = pipeline.move(move(deal, "move-1"));
    assertThat(result.deal().stage()).isEqualTo("qualification");
    assertThat(result.replayed()).isFalse();
    assertThat(pipeline.requireDeal(deal.id()).version()).isEqualTo(2);
    assertThat(heard).containsExactly(result.events().size());
  }

  @Test
  void aCommitWrittenBeforeTheConnectionBrokeIsASuccess_byHistory() {
    Deal deal = open(java.util.Optional.empty());
    fault.set(Fault.AFTER);
    CommandResult result = pipeline.move(move(deal, null));
    assertThat(result.deal()).isEqualTo(pipeline.requireDeal(deal.id()));
    assertThat(pipeline.history(deal.id())).hasSize(1 + result.events().size());
  }

  @Test
  void anOpenWrittenBeforeTheConnectionBrokeIsASuccess() {
    fault.set(Fault.AFTER);
    Deal deal = open(java.util.Optional.empty());
    assertThat(pipeline.deal(deal.id())).contains(deal);
  }

  @Test
  void aCommitThatSurelyWasNotWrittenIsAPlainStorageFailure() {
    Deal deal = open(java.util.Optional.empty());
    for (String key : new String[] {"move-2", null}) {
      fault.set(Fault.BEFORE);
      assertThatThrownBy(() -> pipeline.move(move(deal, key)))
          .isExactlyInstanceOf(StorageException.class)
          .hasMessageContaining("not committed")
          .hasCauseInstanceOf(CommitOutcomeUnknownException.class);
      assertThat(pipeline.requireDeal(deal.id())).isEqualTo(deal);
    }
    // the caller retries with the same key: it goes through once
    assertThat(pipeline.move(move(deal, "move-2")).deal().version()).isEqualTo(2);
  }

  @Test
  void whenTheReadBackFailsTooTheOutcomeStaysUnknown() {
    Deal deal = open(java.util.Optional.empty());
    fault.set(Fault.BEFORE_AND_READS_FAIL);
    assertThatThrownBy(() -> pipeline.move(move(deal, "move-3")))
        .isInstanceOfSatisfying(
            CommitOutcomeUnknownException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.COMMIT_OUTCOME_UNKNOWN);
              assertThat(e.getSuppressed()).hasSize(1);
            });
    readsFail.set(false);
  }

  @Test
  void anImportBatchIsResolvedByItsRows() {
    List<DealImport> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(
          DealImport.builder()
              .deal(Fixtures.openDeal().idempotencyKey("row-" + i).build())
              .build());
    }
    fault.set(Fault.AFTER);
    ImportResult written = pipeline.importDeals(rows, ProgressListener.NONE);
    assertThat(written.imported()).hasSize(10);

    List<DealImport> more = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      more.add(
          DealImport.builder()
              .deal(Fixtures.openDeal().idempotencyKey("more-" + i).build())
              .build());
    }
    fault.set(Fault.BEFORE);
    assertThatThrownBy(() -> pipeline.importDeals(more, ProgressListener.NONE))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageContaining("resume");
    assertThat(pipeline.importDeals(more, ProgressListener.NONE).imported()).hasSize(10);
  }
}
