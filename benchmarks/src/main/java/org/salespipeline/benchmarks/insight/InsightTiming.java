package org.salespipeline.benchmarks.insight;

/**
 * A plain harness for quick iterations: the same data and the same two measurements as {@link
 * InsightBenchmark}, alternated round by round in one JVM so that load drift hits both alike.
 *
 * <p>Times are the measuring thread's CPU time, which a busy machine inflates far less than wall
 * time.
 *
 * <p>Run: {@code java -Xmx10g -Xms10g -cp benchmarks/target/benchmarks.jar
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
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      long sum = b.plainRead();
      long t1 = cpu.getCurrentThreadCpuTime();
      Object report = b.insight();
      long t2 = cpu.getCurrentThreadCpuTime();
      ratios[r] = (double) (t2 - t1) / (t1 - t0);
      System.out.printf(
          "round %2d: plain read %6.1f ms, insight %7.1f ms, ratio %.2f (%d %s)%n",
          r, (t1 - t0) / 1e6, (t2 - t1) / 1e6, ratios[r], sum & 1, report.hashCode() & 1);
    }
    java.util.Arrays.sort(ratios);
    System.out.printf("median ratio over the last rounds: %.2f%n", ratios[rounds / 2]);
  }
}
