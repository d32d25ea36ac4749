package org.salespipeline.testkit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.salespipeline.core.store.TextMatch;

/** Names and name filters over a small alphabet, so that filters often match. */
final class SearchArbitraries {
  private SearchArbitraries() {}

  /** Letters in both cases, an accented pair, a space and the LIKE wildcards. */
  private static final char[] ALPHABET = {'a', 'A', 'b', 'B', 'é', 'É', ' ', '%', '_', '\\'};

  static Arbitrary<String> names() {
    return Arbitraries.strings()
        .withChars(ALPHABET)
        .ofMinLength(1)
        .ofMaxLength(6)
        .filter(s -> !s.isBlank());
  }

  static Arbitrary<TextMatch> matches() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withChars(ALPHABET)
            .ofMinLength(1)
            .ofMaxLength(2)
            .filter(s -> !s.isBlank());
    return text.flatMap(t -> Arbitraries.of(TextMatch.prefix(t), TextMatch.contains(t)));
  }
}
