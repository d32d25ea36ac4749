package org.salespipeline.examples.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on a terminal stream (stderr by default), fed by {@link #update}.
 *
 * <p>It stays silent for the first second, so that quick operations print nothing, then redraws at
 * most ten times a second. {@link #close()} finishes the line if anything was drawn. Not
 * thread-safe: feed it from the working thread.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.onStderr("Generating")) {
 *   generator.generate(pipeline, clock, options, bar);
 * }
 * }</pre>
 */
public final class ProgressBar implements Progress, AutoCloseable {
  private static final long SILENT_NANOS = 1_000_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final String label;
  private final PrintStream out;
  private final LongSupplier nanoTime;
  private final long started;
  private long lastDrawn;
  private boolean drawn;
  private long done;
  private long total = -1;

  /**
   * A bar.
   *
   * @param label what is being done, for example {@code Importing}
   * @param out where to draw
   * @param nanoTime the time source, {@link System#nanoTime()} outside tests
   */
  public ProgressBar(String label, PrintStream out, LongSupplier nanoTime) {
    this.label = label;
    this.out = out;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  /** A bar drawn on standard error. */
  public static ProgressBar onStderr(String label) {
    return new ProgressBar(label, System.err, System::nanoTime);
  }

  @Override
  public void update(long done, long total) {
    this.done = done;
    this.total = total;
    long now = nanoTime.getAsLong();
    if (now - started < SILENT_NANOS || (drawn && now - lastDrawn < REDRAW_NANOS)) {
      return;
    }
    lastDrawn = now;
    draw(now);
  }

  /** Whether the bar has drawn anything (it stays silent for quick operations). */
  public boolean hasDrawn() {
    return drawn;
  }

  private void draw(long now) {
    drawn = true;
    double seconds = (now - started) / 1e9;
    String line;
    if (total > 0) {
      double fraction = Math.min(1.0, Math.max(0.0, (double) done / total));
      int filled = (int) Math.round(fraction * WIDTH);
      line =
          String.format(
              Locale.ROOT,
              "%-12s [%s%s] %3d%% %,d/%,d %.1fs",
              label,
              "#".repeat(filled),
              ".".repeat(WIDTH - filled),
              Math.round(fraction * 100),
              done,
              total,
              seconds);
    } else {
      line = String.format(Locale.ROOT, "%-12s %,d %.1fs", label, done, seconds);
    }
    out.print("\r" + line);
    out.flush();
  }

  /** Draws the final state and ends the line, if the bar was shown at all. */
  @Override
  public void close() {
    if (drawn) {
      if (total > 0) {
        done = total;
      }
      draw(nanoTime.getAsLong());
      out.println();
      out.flush();
    }
  }
}
