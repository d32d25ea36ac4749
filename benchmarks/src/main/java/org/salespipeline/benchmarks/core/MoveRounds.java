package org.salespipeline.benchmarks.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A check of {@link MoveBenchmark}'s ratio that holds up on a loaded machine: the engine's move and
 * the hand-written baseline run in alternating rounds on one thread, each timed in the thread's CPU
 * time, so other processes sharing the cores shift both sides alike. Prints the median ratio and
 * each side's median CPU time per move.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.salespipeline.benchmarks.core.MoveRounds [rounds] [moves per round]}
 */
public final class MoveRounds {
  private MoveRounds() {}

  /**
   * Runs the rounds.
   *
   * @param args optional: number of measured rounds (default 30), moves per round (default 50,000)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int moves = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MoveBenchmark engine = new MoveBenchmark();
    MoveBenchmark hand = new MoveBenchmark();
    engine.setUp();
    hand.setUp();
    long sink = 0;
    for (int warm = 0; warm < 5; warm++) {
      sink += engineRound(engine, moves) + handRound(hand, moves);
    }
    double[] ratios = new double[rounds];
    double[] engineNanos = new double[rounds];
    double[] handNanos = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      if (r % 10 == 0) {
        // why: JMH sets the state up per iteration; a fresh store keeps histories comparable
        engine.setUp();
        hand.setUp();
      }
      long t0 = threads.getCurrentThreadCpuTime();
      sink += engineRound(engine, moves);
      long t1 = threads.getCurrentThreadCpuTime();
      sink += handRound(hand, moves);
      long t2 = threads.getCurrentThreadCpuTime();
      engineNanos[r] = (t1 - t0) / (double) moves;
      handNanos[r] = (t2 - t1) / (double) moves;
      ratios[r] = engineNanos[r] / handNanos[r];
    }
    System.out.printf(
        "engine %.0f ns/move, hand-written %.0f ns/move (CPU time, medians of %d rounds of %d);"
            + " ratio median %.2fx (quartiles %.2f-%.2f) [%d]%n",
        median(engineNanos),
        median(handNanos),
        rounds,
        moves,
        median(ratios),
        quantile(ratios, 0.25),
        quantile(ratios, 0.75),
        sink & 1);
  }

  private static long engineRound(MoveBenchmark state, int moves) {
    long sink = 0;
    for (int i = 0; i < moves; i++) {
      sink += state.engineMove().deal().version();
    }
    return sink;
  }

  private static long handRound(MoveBenchmark state, int moves) {
    long sink = 0;
    for (int i = 0; i < moves; i++) {
      sink += state.handWrittenMove()[1];
    }
    return sink;
  }

  private static double median(double[] values) {
    return quantile(values, 0.5);
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.round(q * (sorted.length - 1))];
  }
}
