package org.salespipeline.core.event;

import java.util.List;
import java.util.function.Supplier;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.rule.RuleViolation;

/**
 * Watches the engine for metrics and traces: each deal command, each conflict retry, each stage
 * change the rules objected to, and each analysis (forecast, insight) a host runs through it. The
 * {@code pipeline-micrometer} module implements it; hosts set one with {@code
 * SalesPipeline.builder().observer(...)}. Every method has a do-nothing default, so an
 * implementation overrides only what it needs, and {@link #none()} costs a virtual call per
 * command.
 *
 * <p>Names passed in are fixed, low-cardinality words (the command's name such as {@code move},
 * {@code win}, {@code logActivity}; a rule's code; an analysis kind), never ids or owners, so they
 * are safe as metric tags. Called on the thread that runs the command; implementations must be
 * thread-safe and should be cheap. What an observer throws from {@link #commandRetried} or {@link
 * #ruleViolations} propagates, so keep them from throwing.
 */
public interface PipelineObserver {

  /** The observer that observes nothing: the engine's default. */
  static PipelineObserver none() {
    return Noop.INSTANCE;
  }

  /**
   * Runs one deal command. An implementation calls {@code command.get()} exactly once and returns
   * its result or lets its exception through unchanged; it may time it, open a trace span around
   * it, and classify it with {@link CommandOutcome#of(CommandResult)} or {@link
   * CommandOutcome#of(Throwable)}. {@link CommandResult#attempts()} tells how many attempts it
   * took.
   *
   * @param name the command's name, for example {@code move}
   * @param command runs the command (with its retries)
   */
  default CommandResult observeCommand(String name, Supplier<CommandResult> command) {
    return command.get();
  }

  /**
   * A command without an expected version lost a race and is about to be retried.
   *
   * @param name the command's name
   * @param failedAttempt the attempt that conflicted, from 1
   */
  default void commandRetried(String name, int failedAttempt) {}

  /**
   * The stage rules objected to a stage change: refused when {@code overridden} is false (the
   * command then fails with {@code IllegalTransitionException}), recorded and let through when
   * true.
   *
   * @param name the command's name
   * @param violations every violation, at least one
   */
  default void ruleViolations(String name, List<RuleViolation> violations, boolean overridden) {}

  /**
   * Runs one analysis such as {@code forecast} or {@code insight}; same contract as {@link
   * #observeCommand}: call {@code analysis.get()} once, return its value, let its exception
   * through.
   *
   * @param kind a fixed word naming the analysis
   */
  default <T> T observeAnalysis(String kind, Supplier<T> analysis) {
    return analysis.get();
  }
}

/** {@link PipelineObserver#none()}. */
final class Noop implements PipelineObserver {
  static final Noop INSTANCE = new Noop();

  private Noop() {}

  @Override
  public String toString() {
    return "PipelineObserver.none()";
  }
}
