package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactErasure;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.DealId;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.ContactQuery;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.Redaction;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The right to erasure: {@link WorkspaceStore#eraseContact} removes a contact's name, e-mail and
 * phone from the contact and from every free text of the workspace (deals, every history event that
 * carries them, activities), keeps ids, versions and sequences so histories replay to the stored
 * deal, records who erased which contact and when, and changes nothing elsewhere.
 */
public interface ContactErasureContract extends StoreUnderTest {
  /** The personal strings of the contact the tests erase. */
  String NAME = "Jane Q. Doe";

  /** Her e-mail address. */
  String EMAIL = "jane.doe@acme.example";

  /** Her phone number. */
  String PHONE = "+1 555 0199";

  /** A contact with name, e-mail and phone, and a deal whose every free text mentions her. */
  record Scene(SalesPipeline pipeline, TestClock clock, Contact contact, Deal deal, Deal other) {}

  private Scene scene() {
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), newWorkspace(), clock);
    Account acme = pipeline.createAccount("Acme");
    Contact created = pipeline.createContact(NAME, Optional.of(acme.id()), Optional.of(EMAIL));
    Contact contact =
        Contact.builder().from(created).phone(PHONE).title("Head of Procurement").build();
    pipeline.store().saveContact(contact);
    Deal deal =
        pipeline
            .openDeal(
                openDeal(clock)
                    .name("Acme platform for " + NAME)
                    .account(acme.id())
                    .primaryContact(contact.id())
                    .nextStep("Call " + NAME + " at " + PHONE)
                    .putAttributes("champion", AttributeValue.text(NAME.toUpperCase(Locale.ROOT)))
                    .build())
            .deal();
    clock.tick();
    pipeline.update(
        UpdateDeal.builder()
            .deal(deal.id())
            .actor(ALICE)
            .nextStep("Send the draft to " + EMAIL)
            .build());
    clock.tick();
    pipeline.logActivity(
        LogActivity.builder()
            .deal(deal.id())
            .account(acme.id())
            .actor(ALICE)
            .type(ActivityType.MEETING)
            .subject("Lunch with " + NAME.toLowerCase(Locale.ROOT))
            .outcome("She asked to write to " + EMAIL)
            .occurredAt(clock.instant())
            .build());
    clock.tick();
    pipeline.lose(
        CloseDeal.builder()
            .deal(deal.id())
            .actor(ALICE)
            .reason("Champion " + NAME + " left")
            .detail("phone " + PHONE + " disconnected")
            .build());
    clock.tick();
    pipeline.reopen(
        ReopenDeal.builder()
            .deal(deal.id())
            .actor(ALICE)
            .toStage(StandardPipelines.QUALIFICATION)
            .reason(NAME + " is back")
            .build());
    clock.tick();
    Deal other =
        pipeline
            .openDeal(
                openDeal(clock)
                    .name("Globex rollout")
                    .nextStep("Ask " + NAME + " for intro")
                    .build())
            .deal();
    clock.tick();
    return new Scene(pipeline, clock, contact, pipeline.requireDeal(deal.id()), other);
  }

  /**
   * After the erasure the personal strings appear in no record the store returns: contact, deals,
   * histories, event stream, activities.
   */
  @Test
  default void erasureRemovesThePersonalStringsFromEveryCopy() {
    Scene s = scene();
    assertThat(everything(s)).as("before").anyMatch(ContactErasureContract::personal);

    s.pipeline().eraseContact(s.contact().id(), BOB);

    assertThat(everything(s)).noneMatch(ContactErasureContract::personal);
    Contact erased = s.pipeline().store().contact(s.contact().id()).orElseThrow();
    assertThat(erased.name()).isEqualTo(Contact.ERASED_NAME);
    assertThat(erased.email()).isEmpty();
    assertThat(erased.phone()).isEmpty();
    assertThat(erased.title()).isEmpty();
    assertThat(erased.erased()).isTrue();
    assertThat(erased.account()).isEqualTo(s.contact().account());
  }

  /** References stay; versions, sequences and times stay; the history replays to the deal. */
  @Test
  default void historiesStayConsistentAndReplayable() {
    Scene s = scene();
    WorkspaceStore view = s.pipeline().store();
    List<DealEvent> before = view.history(s.deal().id());

    s.pipeline().eraseContact(s.contact().id(), BOB);

    Deal deal = view.deal(s.deal().id()).orElseThrow();
    List<DealEvent> after = view.history(s.deal().id());
    assertThat(deal.primaryContact()).contains(s.contact().id());
    assertThat(deal.version()).isEqualTo(s.deal().version());
    assertThat(deal.stage()).isEqualTo(s.deal().stage());
    assertThat(deal.amount()).isEqualTo(s.deal().amount());
    assertThat(deal.name()).isEqualTo("Acme platform for " + Redaction.MARK);
    assertThat(deal.nextStep()).contains("Send the draft to " + Redaction.MARK);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      DealEvent b = before.get(i);
      DealEvent a = after.get(i);
      assertThat(a.sequence()).isEqualTo(b.sequence());
      assertThat(a.dealVersion()).isEqualTo(b.dealVersion());
      assertThat(a.at()).isEqualTo(b.at());
      assertThat(a.actor()).isEqualTo(b.actor());
      assertThat(a.type()).isEqualTo(b.type());
    }
    assertThat(DealHistory.replay(after)).isEqualTo(deal);
    assertThat(s.pipeline().dealAsOf(deal.id(), before.get(0).at()).orElseThrow().name())
        .isEqualTo("Acme platform for " + Redaction.MARK);
    assertThat(view.activities(deal.id()).get(0).subject())
        .isEqualTo("Lunch with " + Redaction.MARK);
  }

  /** The erasure is recorded with who and when and nothing personal; a repeat changes nothing. */
  @Test
  default void erasureIsRecordedOnceWithoutPersonalData() {
    Scene s = scene();
    java.time.Instant at = s.clock().instant();

    ContactErasure first = s.pipeline().eraseContact(s.contact().id(), BOB);
    s.clock().tick();
    ContactErasure again = s.pipeline().eraseContact(s.contact().id(), ALICE);

    assertThat(first.contact()).isEqualTo(s.contact().id());
    assertThat(first.erasedBy()).isEqualTo(BOB);
    assertThat(first.erasedAt()).isEqualTo(at);
    assertThat(again).isEqualTo(first);
    assertThat(s.pipeline().contactErasures()).containsExactly(first);
    assertThat(first.toString()).satisfies(t -> assertThat(personal(t)).isFalse());
  }

  /** Erasing an unknown contact is refused, typed, and changes nothing. */
  @Test
  default void erasingAnUnknownContactIsRefusedAndChangesNothing() {
    Scene s = scene();
    List<String> before = everything(s);

    assertThatThrownBy(
            () -> s.pipeline().eraseContact(new ContactId(java.util.UUID.randomUUID()), BOB))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).concerns("contact")).isTrue());
    assertThatThrownBy(() -> s.pipeline().eraseContact(null, BOB))
        .isInstanceOf(ValidationException.class);

    assertThat(everything(s)).isEqualTo(before);
    assertThat(s.pipeline().contactErasures()).isEmpty();
  }

  /** Another workspace holding the same strings keeps them. */
  @Test
  default void erasureStaysInItsWorkspace() {
    Scene erased = scene();
    Scene kept = scene();

    erased.pipeline().eraseContact(erased.contact().id(), BOB);

    assertThat(everything(kept)).anyMatch(t -> t.contains(NAME));
    assertThat(kept.pipeline().store().contact(kept.contact().id()).orElseThrow().name())
        .isEqualTo(NAME);
    assertThat(kept.pipeline().contactErasures()).isEmpty();
  }

  /** An erased contact is still listed, under the erased name, and no longer found by its name. */
  @Test
  default void anErasedContactIsListedWithoutItsName() {
    Scene s = scene();

    s.pipeline().eraseContact(s.contact().id(), BOB);

    assertThat(
            s.pipeline()
                .findContacts(
                    ContactQuery.builder()
                        .name(org.salespipeline.core.store.TextMatch.prefix("jane"))
                        .build())
                .items())
        .isEmpty();
    assertThat(s.pipeline().findContacts(ContactQuery.all()).items())
        .extracting(Contact::id)
        .contains(s.contact().id());
  }

  /** Every record of the scene's workspace the SPI returns, as text. */
  private static List<String> everything(Scene s) {
    WorkspaceStore view = s.pipeline().store();
    List<String> out = new ArrayList<>();
    out.add(String.valueOf(view.contact(s.contact().id())));
    out.add(String.valueOf(view.findContacts(ContactQuery.all()).items()));
    for (DealId id : List.of(s.deal().id(), s.other().id())) {
      out.add(String.valueOf(view.deal(id)));
      view.history(id).forEach(e -> out.add(e.toString()));
      view.activities(id).forEach(a -> out.add(a.toString()));
    }
    s.contact().account().ifPresent(a -> out.add(String.valueOf(view.accountActivities(a))));
    try (Stream<DealEvent> events = view.streamEvents(EventQuery.all())) {
      events.forEach(e -> out.add(e.toString()));
    }
    return out;
  }

  private static boolean personal(String text) {
    String folded = text.toLowerCase(Locale.ROOT);
    return Stream.of(NAME, EMAIL, PHONE).anyMatch(p -> folded.contains(p.toLowerCase(Locale.ROOT)));
  }
}
