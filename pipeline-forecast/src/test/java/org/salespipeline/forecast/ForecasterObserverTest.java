package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.PipelineObserver;

class ForecasterObserverTest {
  private final List<String> kinds = new ArrayList<>();
  private final PipelineObserver recording =
      new PipelineObserver() {
        @Override
        public <T> T observeAnalysis(String kind, Supplier<T> analysis) {
          kinds.add(kind);
          return analysis.get();
        }
      };

  @Test
  void distributionsAreObservedAsForecastsAndTheSumsAreNot() {
    Forecaster plain = Forecaster.of(ForecasterTest.pipeline());
    Forecaster observed = plain.withObserver(recording);
    ForecastPeriod jan = ForecasterTest.JAN;
    assertThat(observed.weighted(jan)).isEqualTo(plain.weighted(jan));
    observed.rollup(jan);
    assertThat(kinds).isEmpty();
    assertThat(observed.distribution(jan).p50()).isEqualTo(plain.distribution(jan).p50());
    observed.monteCarlo(jan, 50, 1L, ProgressListener.NONE);
    assertThat(kinds).containsExactly("forecast", "forecast");
  }

  @Test
  void theObserverIsKeptByTheOtherWithMethods() {
    Forecaster f =
        Forecaster.of(ForecasterTest.pipeline())
            .withObserver(recording)
            .withProbabilities(new double[ForecasterTest.pipeline().size()]);
    f.distribution(ForecasterTest.JAN);
    assertThat(kinds).containsExactly("forecast");
  }

  @Test
  void aNullObserverIsRefused() {
    assertThatThrownBy(() -> Forecaster.of(ForecasterTest.pipeline()).withObserver(null))
        .isInstanceOf(ValidationException.class);
  }
}
