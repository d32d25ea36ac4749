package org.salespipeline.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.ImportResult;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.internal.Problems;
import org.salespipeline.core.rule.TransitionKind;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.core.store.CommitOutcomeUnknownException;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.IdempotencyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import: builds for every row the events the commands would (creation, then the jump to its
 * stage through the rules), validates the whole list first, then commits in batches.
 */
final class DealImporter {
  // why: logged under the facade's name, as before the split, so hosts' logging settings still
  // apply
  private static final Logger LOG = LoggerFactory.getLogger(SalesPipeline.class);

  private final EngineContext context;
  private final DealUpdates updates;
  private final Transitions transitions;
  private final CommandRunner runner;

  DealImporter(
      EngineContext context, DealUpdates updates, Transitions transitions, CommandRunner runner) {
    this.context = context;
    this.updates = updates;
    this.transitions = transitions;
    this.runner = runner;
  }

  ImportResult importDeals(List<DealImport> imports, int batchSize, ProgressListener progress) {
    CommandChecks.requireNonNull("imports", imports);
    CommandChecks.requireNonNull("progress", progress);
    context.access().requireWorkspace(null, Action.IMPORT);
    for (DealImport row : imports) {
      // why: a principal's import is recorded as the principal (a system principal as system.job)
      if (row != null && row.deal() != null && row.deal().actor() != null) {
        context.access().requireWorkspace(row.deal().actor(), Action.IMPORT);
      }
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<DealCommit> commits = new ArrayList<>(imports.size());
    Set<DealId> seen = new HashSet<>();
    int overridden = 0;
    for (int i = 0; i < imports.size(); i++) {
      String prefix = "imports[" + i + "].";
      DealImport row = imports.get(i);
      if (row == null || row.deal() == null) {
        problems.add(
            FieldProblem.of(
                row == null ? "imports[" + i + "]" : prefix + "deal", null, "must not be null"));
        continue;
      }
      try {
        DealCommit commit = commitOf(row);
        if (!seen.add(commit.deal().id())) {
          problems.add(
              FieldProblem.of(prefix + "deal.id", commit.deal().id(), "is imported twice"));
        }
        if (commit.events().stream()
            .anyMatch(e -> Change.RuleOverridden.TYPE.equals(e.change().typeName()))) {
          overridden++;
        }
        commits.add(commit);
      } catch (ValidationException e) {
        e.problems()
            .forEach(
                p -> problems.add(new FieldProblem(prefix + p.field(), p.value(), p.message())));
      } catch (IllegalTransitionException e) {
        problems.add(
            FieldProblem.of(
                prefix + "stage",
                e.toStage(),
                "violates the stage rules "
                    + e.violations()
                    + "; give an override to import it as it stands"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    progress.progress(0, commits.size());
    List<DealId> written = new ArrayList<>(commits.size());
    List<DealId> present = new ArrayList<>();
    for (int from = 0; from < commits.size(); from += batchSize) {
      List<DealCommit> batch = commits.subList(from, Math.min(commits.size(), from + batchSize));
      List<DealCommit> committed = commitBatch(batch, present);
      for (DealCommit commit : committed) {
        written.add(commit.deal().id());
        runner.notifyListeners(commit.deal(), commit.events());
      }
      progress.progress(from + batch.size(), commits.size());
    }
    LOG.info(
        "imported {} deals into workspace {} ({} with rules overridden, {} already present)",
        written.size(),
        context.workspace(),
        overridden,
        present.size());
    return new ImportResult(written, overridden, present);
  }

  /**
   * Writes one batch all or nothing; if the store refuses it because some of its rows are already
   * in (a retry of an interrupted import), writes only the others and adds the ids of those found
   * to {@code present}.
   *
   * @return the commits written
   */
  private List<DealCommit> commitBatch(List<DealCommit> batch, List<DealId> present) {
    try {
      context.ws().commitAll(batch);
      return batch;
    } catch (CommitOutcomeUnknownException e) {
      // why: a batch is all or nothing, so its rows read back tell (issue 14, item 5)
      long in = batch.stream().filter(c -> alreadyIn(c).isPresent()).count();
      if (in == batch.size()) {
        return batch;
      }
      if (in == 0) {
        throw new StorageException(
            "an import batch was not committed (the connection was lost while committing; read"
                + " back: not written); call importDeals again with the same rows to resume",
            e);
      }
      throw e;
    } catch (ConcurrentDealModificationException | DuplicateIdempotencyKeyException e) {
      // why: the first run of an import pays nothing for resumability; only a refused batch is
      // looked at row by row (issue 14, item 6: a retry stayed at 2,000 of 5,000 rows for ever)
      List<DealCommit> fresh = new ArrayList<>(batch.size());
      List<DealId> found = new ArrayList<>();
      for (DealCommit commit : batch) {
        Optional<DealId> in = alreadyIn(commit);
        if (in.isPresent()) {
          found.add(in.get());
        } else {
          fresh.add(commit);
        }
      }
      if (found.isEmpty()) {
        throw e;
      }
      if (!fresh.isEmpty()) {
        context.ws().commitAll(fresh);
      }
      present.addAll(found);
      return fresh;
    }
  }

  /** The id of the stored deal this row already is: same deal id, or same idempotency key. */
  private Optional<DealId> alreadyIn(DealCommit commit) {
    DealId id = commit.deal().id();
    if (context.ws().deal(id).isPresent()) {
      return Optional.of(id);
    }
    return commit
        .idempotencyKey()
        .flatMap(k -> context.ws().idempotencyRecord(k))
        .map(IdempotencyRecord::dealId);
  }

  /** The commit of one row: its creation and, if it stands in a later stage, the jump there. */
  private DealCommit commitOf(DealImport row) {
    OpenDeal command = row.deal();
    Instant now = context.now();
    Instant openedAt = row.openedAt().orElse(now);
    Instant movedAt = row.movedAt().orElse(openedAt);
    Problems problems = new Problems();
    if (openedAt.isAfter(now)) {
      problems.add("openedAt", openedAt, "must not be in the future");
    } else if (openedAt.isBefore(SalesPipeline.EARLIEST_IMPORT_TIME)) {
      problems.add(
          "openedAt", openedAt, "must not be before " + SalesPipeline.EARLIEST_IMPORT_TIME);
    }
    if (movedAt.isBefore(openedAt) || movedAt.isAfter(now)) {
      problems.add("movedAt", movedAt, "must lie between openedAt " + openedAt + " and now");
    }
    row.closeReason().ifPresent(r -> problems.line("closeReason", r, Problems.MAX_LINE));
    row.override().ifPresent(r -> problems.line("override", r, Problems.MAX_LINE));
    problems.throwIfAny();
    Deal created;
    try {
      created = updates.newDeal(command, openedAt);
    } catch (ValidationException e) {
      // why: the opening's fields sit under the row's deal, as DealImport.builder().deal(...) names
      // them; the caller adds the row's own prefix
      throw new ValidationException(
          e.problems().stream()
              .map(p -> new FieldProblem("deal." + p.field(), p.value(), p.message()))
              .toList());
    }
    List<DealEvent> events = new ArrayList<>();
    events.add(
        new DealEvent(
            created.id(),
            1,
            1,
            openedAt,
            command.actor(),
            command.idempotencyKey(),
            new Change.Created(created)));
    PipelineDefinition definition = context.pipeline(created.pipeline());
    Stage from = definition.requireStage(created.stage());
    Stage to = row.stage().map(definition::requireStage).orElse(from);
    Deal deal = created;
    if (!to.key().equals(from.key())) {
      Draft draft = new Draft(created, 1, movedAt, command.actor(), command.idempotencyKey());
      TransitionKind kind =
          switch (to.outcome()) {
            case OPEN -> TransitionKind.MOVE;
            case WON -> TransitionKind.WIN;
            case LOST -> TransitionKind.LOSE;
            case DISQUALIFIED -> TransitionKind.DISQUALIFY;
          };
      Optional<CloseReason> reason =
          to.isOpen()
              ? Optional.empty()
              : Optional.of(
                  new CloseReason(
                      to.outcome().status(),
                      row.closeReason().orElse(to.outcome() == StageOutcome.WON ? "won" : ""),
                      Optional.empty()));
      transitions.transition(draft, definition, from, to, kind, reason, row.override());
      events.addAll(draft.events());
      deal = draft.current();
    }
    return new DealCommit(0, deal, events, List.of(), Optional.empty(), command.idempotencyKey());
  }
}
