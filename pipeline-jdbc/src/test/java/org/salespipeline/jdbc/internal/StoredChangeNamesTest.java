package org.salespipeline.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.Change;

/**
 * Rows written before the stored type names became constants still read: the store wrote the
 * change's simple class name, and every such name is the kind's {@code TYPE} constant.
 */
class StoredChangeNamesTest {
  /** What earlier versions wrote into {@code change_type}: {@code getClass().getSimpleName()}. */
  private static final List<String> NAMES_WRITTEN_BEFORE =
      List.of(
          "Created",
          "StageChanged",
          "AmountChanged",
          "CloseDateChanged",
          "OwnerChanged",
          "CategoryChanged",
          "ProbabilityOverrideChanged",
          "DetailsChanged",
          "QualificationRecorded",
          "ActivityLogged",
          "Won",
          "Lost",
          "Disqualified",
          "Reopened",
          "RuleOverridden");

  @Test
  void everyNameWrittenBeforeIsTheKindsStoredName() {
    Random random = new Random(12);
    Map<String, Change> byOldName = new LinkedHashMap<>();
    while (byOldName.size() < NAMES_WRITTEN_BEFORE.size()) {
      Change change = CodecPropertiesTest.change(random);
      byOldName.put(change.getClass().getSimpleName(), change);
    }
    assertThat(byOldName.keySet()).containsExactlyInAnyOrderElementsOf(NAMES_WRITTEN_BEFORE);
    for (String old : NAMES_WRITTEN_BEFORE) {
      Change change = byOldName.get(old);
      assertThat(Codec.changeType(change)).isEqualTo(old);
      assertThat(Codec.decodeChange(old, Codec.encodeChange(change))).isEqualTo(change);
    }
    // kinds added since (issue 17's retention changes) follow the names written before
    assertThat(Change.TYPE_NAMES.subList(0, NAMES_WRITTEN_BEFORE.size()))
        .containsExactlyElementsOf(NAMES_WRITTEN_BEFORE);
  }

  @Test
  void eventPayloadsWrittenBeforeReadBack() {
    Codec.EventPayload moved =
        Codec.decodeEventPayload(
            "StageChanged",
            "{\"at\":\"2026-03-02T09:00:00.123456789Z\",\"c\":{\"from\":\"prospecting\","
                + "\"to\":\"qualification\"}}");
    assertThat(moved.at()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123456789Z"));
    assertThat(moved.change()).isEqualTo(new Change.StageChanged("prospecting", "qualification"));
    assertThat(Codec.decodeChange("OwnerChanged", "{\"from\":\"alice\",\"to\":\"bob\"}"))
        .isEqualTo(new Change.OwnerChanged(UserId.of("alice"), UserId.of("bob")));
    assertThat(Codec.decodeChange("Reopened", "{\"previous\":\"LOST\",\"reason\":\"came back\"}"))
        .isEqualTo(new Change.Reopened(DealStatus.LOST, "came back"));
  }

  @Test
  void anUnknownStoredNameIsRefusedNamingIt() {
    assertThatThrownBy(() -> Codec.decodeChange("Teleported", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Teleported");
  }
}
