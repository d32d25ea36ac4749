package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.ALICE;
import static org.salespipeline.core.Fixtures.openDeal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.internal.Problems;

/**
 * Issue 14, item 10: the attribute limit holds per deal, not per command, so that updates cannot
 * grow a deal (and every event that carries it) without bound.
 */
class AttributeLimitTest {
  static final int LIMIT = Problems.MAX_ITEMS;

  SalesPipeline pipeline;

  @BeforeEach
  void setUp() {
    pipeline = Fixtures.engine(Fixtures.clock());
  }

  static Map<String, AttributeValue> attributes(String prefix, int count) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      attributes.put(prefix + i, AttributeValue.text("v" + i));
    }
    return attributes;
  }

  UpdateDeal.Builder update(Deal deal) {
    return UpdateDeal.builder().deal(deal.id()).actor(ALICE);
  }

  @Test
  void updatesCannotGrowADealBeyondTheLimit() {
    Deal deal = pipeline.openDeal(openDeal().putAllAttributes(attributes("a", 30)).build()).deal();

    assertThatThrownBy(
            () -> pipeline.update(update(deal).putAllAttributes(attributes("b", 30)).build()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("attributes")).isTrue());

    assertThat(pipeline.requireDeal(deal.id())).isEqualTo(deal);
    assertThat(pipeline.history(deal.id())).hasSize(1);
  }

  @Test
  void manySmallUpdatesCannotEitherButReplacingAndRemovingStayAllowed() {
    Deal deal = pipeline.openDeal(openDeal().build()).deal();
    for (int i = 0; i < LIMIT; i++) {
      pipeline.update(update(deal).putAttributes("k" + i, AttributeValue.text("v")).build());
    }
    assertThatThrownBy(
            () ->
                pipeline.update(
                    update(deal).putAttributes("one_more", AttributeValue.text("v")).build()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("attributes")).isTrue());

    pipeline.update(update(deal).putAttributes("k0", AttributeValue.text("replaced")).build());
    pipeline.update(
        update(deal)
            .addRemoveAttributes("k1")
            .putAttributes("instead_of_k1", AttributeValue.text("v"))
            .build());

    assertThat(pipeline.requireDeal(deal.id()).attributes())
        .hasSize(LIMIT)
        .containsKey("instead_of_k1")
        .doesNotContainKey("k1");
  }
}
