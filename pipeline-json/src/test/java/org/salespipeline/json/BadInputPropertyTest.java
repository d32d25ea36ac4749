package org.salespipeline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of reading: whatever is wrong with the JSON, reading either builds a valid value or
 * fails with {@link InvalidJsonException} naming paths that exist in the document; never another
 * exception, never half a value.
 */
class BadInputPropertyTest {

  @Provide
  Arbitrary<JsonContract.Sample> anyReadableValue() {
    return Arbitraries.of(ReadableTypes.all())
        .flatMap(t -> ValueArbitraries.of(t).map(v -> new JsonContract.Sample(t, v)));
  }

  @Provide
  Arbitrary<Object> junk() {
    return Arbitraries.of(
        "x",
        "",
        "2026-13-45",
        new BigDecimal("1.5"),
        new BigDecimal("-1"),
        new BigDecimal("1e999999999"),
        new BigDecimal("99999999999999999999999"),
        Boolean.TRUE,
        new LinkedHashMap<String, Object>(),
        new ArrayList<Object>(),
        List.of("a", "b"),
        Map.of("@type", "Nope"),
        Map.of("amount", "1", "currency", "EUR"));
  }

  @Property(tries = 1000)
  void aDamagedDocumentIsAValueOrAListOfProblems(
      @ForAll("anyReadableValue") JsonContract.Sample sample,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll("junk") Object junk,
      @ForAll boolean remove) {
    Object tree = TreeWriter.treeOf(sample.value());
    damage(tree, where, junk, remove);
    try {
      Object value = PipelineJson.read(sample.type(), tree, true);
      assertThat(value).isInstanceOf(sample.type());
    } catch (InvalidJsonException e) {
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.path()).startsWith("$"));
    }
  }

  @Property(tries = 200)
  void anUndamagedDocumentReadsBackEqual(@ForAll("anyReadableValue") JsonContract.Sample sample) {
    Object back = PipelineJson.read(sample.type(), TreeWriter.treeOf(sample.value()), true);
    assertThat(TreeWriter.treeOf(back)).isEqualTo(TreeWriter.treeOf(sample.value()));
  }

  @Property(tries = 200)
  void aMissingRequiredFieldIsNamed(@ForAll("anyReadableValue") JsonContract.Sample sample) {
    if (!(Codecs.forType(sample.type()) instanceof ObjectCodec codec)) {
      return;
    }
    for (org.salespipeline.json.Property p : codec.properties()) {
      if (p.absent == org.salespipeline.json.Property.REQUIRED) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) TreeWriter.treeOf(sample.value());
        tree.remove(p.name);
        assertThatThrownBy(() -> PipelineJson.read(sample.type(), tree, true))
            .isInstanceOfSatisfying(
                InvalidJsonException.class,
                e ->
                    assertThat(e.problems())
                        .contains(new JsonProblem("$." + p.name, "is required")));
      }
    }
  }

  /** Replaces (or removes) the {@code where}-th node of the tree, counted depth first. */
  @SuppressWarnings("unchecked")
  private static void damage(Object tree, int where, Object junk, boolean remove) {
    List<Object[]> slots = new ArrayList<>();
    collect(tree, slots);
    if (slots.isEmpty()) {
      return;
    }
    Object[] slot = slots.get(where % slots.size());
    if (slot[0] instanceof Map<?, ?> map) {
      if (remove) {
        ((Map<String, Object>) map).remove((String) slot[1]);
      } else {
        ((Map<String, Object>) map).put((String) slot[1], junk);
      }
    } else {
      ((List<Object>) slot[0]).set((Integer) slot[1], junk);
    }
  }

  private static void collect(Object node, List<Object[]> slots) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        slots.add(new Object[] {map, e.getKey()});
        collect(e.getValue(), slots);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        slots.add(new Object[] {list, i});
        collect(list.get(i), slots);
      }
    }
  }
}
