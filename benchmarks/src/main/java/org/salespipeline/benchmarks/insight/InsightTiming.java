package org.salespipeline.benchmarks.insight;

/**
 * A plain harness for quick iterations: the same data and the same two measurements as {@link
 * InsightBenchmark}, alternated round by round in one JVM so that load drift hits both alike.
 *
 * <p>Times are the measuring thread's CPU time, which a busy machine inflates far less than wall
 * time.
 *
 * <p>Run: {@code java -Xmx10g -Xms10g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
 * org.salespipeline.benchmarks.insight.InsightTiming 10}
 */
public final class InsightTiming {
  private InsightTiming() {}

  /**
   * Prints each round's times and their ratio.
   *
   * @param args the number of rounds (default 10)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    InsightBenchmark b = new InsightBenchmark();
    b.setUp();
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    double[] ratios = new double[rounds];
    long bestPlain = Long.MAX_VALUE;
    long bestInsight = Long.MAX_VALUE;
    long bestHeader = Long.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      long sum = b.plainRead();
      long t1 = cpu.getCurrentThreadCpuTime();
      Object report = b.insight();
      long t2 = cpu.getCurrentThreadCpuTime();
      sum += b.headerRead();
      long t3 = cpu.getCurrentThreadCpuTime();
      ratios[r] = (double) (t2 - t1) / (t1 - t0);
      if (r >= 2) {
        bestPlain = Math.min(bestPlain, t1 - t0);
        bestInsight = Math.min(bestInsight, t2 - t1);
        bestHeader = Math.min(bestHeader, t3 - t2);
      }
      System.out.printf(
          "round %2d: plain read %6.1f ms, insight %7.1f ms, ratio %.2f; header read %6.1f ms,"
              + " ratio %.2f (%d %s)%n",
          r,
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6,
          ratios[r],
          (t3 - t2) / 1e6,
          (double) (t2 - t1) / (t3 - t2),
          sum & 1,
          report.hashCode() & 1);
    }
    System.out.printf(
        "best of rounds 2+: plain read %.1f ms, insight %.1f ms (%.2fx), header read %.1f ms"
            + " (%.2fx)%n",
        bestPlain / 1e6,
        bestInsight / 1e6,
        (double) bestInsight / bestPlain,
        bestHeader / 1e6,
        (double) bestInsight / bestHeader);
    java.util.Arrays.sort(ratios);
    System.out.printf("median ratio to the plain read: %.2f%n", ratios[rounds / 2]);
  }
}
