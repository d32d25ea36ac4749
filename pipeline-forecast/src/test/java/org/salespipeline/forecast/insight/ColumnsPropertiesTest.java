package org.salespipeline.forecast.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The report's medians against sorting. */
class ColumnsPropertiesTest {

  private static double sortedMedian(long[] v) {
    if (v.length == 0) {
      return 0;
    }
    long[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + (double) s[m]) / 2;
  }

  @Property(tries = 300)
  void groupedMediansAreEachGroupsMedian(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 12) int groups,
      @ForAll @IntRange(min = 1, max = 50) int spread) {
    Random rnd = new Random(seed);
    long[] values = new long[n + 5];
    int[] keys = new int[n + 5];
    // every third sample puts all grouped values in group 0
    int used = Math.floorMod(seed, 3) == 0 ? 1 : groups;
    for (int i = 0; i < n; i++) {
      values[i] = rnd.nextInt(spread) - spread / 3;
      // some values belong to no group
      keys[i] = rnd.nextInt(10) == 0 ? -1 : rnd.nextInt(used);
    }
    double overall = Columns.median(values, n);
    assertThat(overall).isEqualTo(sortedMedian(Arrays.copyOf(values, n)));
    double[] got = Columns.groupedMedians(values, keys, n, groups, overall);
    assertThat(got[groups]).isEqualTo(overall);
    for (int g = 0; g < groups; g++) {
      final int group = g;
      long[] members =
          java.util.stream.IntStream.range(0, n)
              .filter(i -> keys[i] == group)
              .mapToLong(i -> values[i])
              .toArray();
      assertThat(got[g]).as("group %d", g).isEqualTo(sortedMedian(members));
    }
  }

  @Property(tries = 100)
  void allValuesInOneGroupGiveTheOverallMedian(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 200) int n,
      @ForAll @IntRange(min = 0, max = 5) int group) {
    Random rnd = new Random(seed);
    long[] values = rnd.longs(n, 0, 1000).toArray();
    int[] keys = new int[n];
    Arrays.fill(keys, group);
    double overall = Columns.median(values, n);
    double[] got = Columns.groupedMedians(values, keys, n, 6, overall);
    assertThat(got[group]).isEqualTo(sortedMedian(values));
    for (int g = 0; g < 6; g++) {
      if (g != group) {
        assertThat(got[g]).isZero();
      }
    }
  }
}
