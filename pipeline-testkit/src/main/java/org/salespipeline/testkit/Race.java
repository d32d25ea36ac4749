package org.salespipeline.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs tasks on several threads released at the same moment, collecting every outcome. */
final class Race {
  private static final long TIMEOUT_SECONDS = 60;

  private Race() {}

  /** What one thread's task returned or threw. */
  record Outcome<T>(T value, Throwable error) {
    boolean succeeded() {
      return error == null;
    }
  }

  /** Runs {@code task(i)} for i in [0, threads) on its own thread, all starting together. */
  static <T> List<Outcome<T>> run(int threads, IntFunction<T> task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Outcome<T>>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  try {
                    return new Outcome<>(task.apply(index), null);
                  } catch (RuntimeException | AssertionError e) {
                    return new Outcome<T>(null, e);
                  }
                }));
      }
      ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      go.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<Outcome<T>> future : futures) {
        outcomes.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while racing", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("a racing thread did not finish", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
