package org.salespipeline.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;

/**
 * The invariants of {@link Redaction} and {@link TextMatch}: after redaction no personal string is
 * left in the text in any case; redacting again changes nothing; text without a personal string is
 * returned as the same instance; and a name filter agrees with its folded definition.
 */
class RedactionPropertiesTest {
  private static final WorkspaceId WS = WorkspaceId.of("ws");

  @Property
  void redactedTextMentionsNoPersonalStringAndIsStable(
      @ForAll("contacts") Contact contact, @ForAll("texts") String text) {
    Redaction redaction = Redaction.of(contact);

    String once = redaction.text(text);

    assertThat(redaction.mentions(once)).isFalse();
    for (String personal : redaction.personalStrings()) {
      assertThat(once.toLowerCase(Locale.ROOT)).doesNotContain(personal.toLowerCase(Locale.ROOT));
    }
    assertThat(redaction.text(once)).isSameAs(once);
    if (!redaction.mentions(text)) {
      assertThat(once).isSameAs(text);
    }
  }

  @Property
  void activitiesKeepEverythingButTheirText(
      @ForAll("contacts") Contact contact, @ForAll("texts") String subject) {
    Redaction redaction = Redaction.of(contact);
    Activity activity =
        Activity.builder()
            .id(new ActivityId(UUID.randomUUID()))
            .workspace(WS)
            .deal(new DealId(UUID.randomUUID()))
            .type(ActivityType.NOTE)
            .owner(UserId.of("rep"))
            .subject(subject)
            .outcome(subject)
            .occurredAt(Instant.EPOCH)
            .recordedAt(Instant.EPOCH)
            .build();

    Activity redacted = redaction.activity(activity);

    assertThat(redacted.subject()).isEqualTo(redaction.text(subject));
    assertThat(redacted.outcome()).contains(redaction.text(subject));
    assertThat(Activity.builder().from(redacted).subject(subject).outcome(subject).build())
        .isEqualTo(activity);
  }

  @Property
  void theErasedContactKeepsOnlyItsReferences(@ForAll("contacts") Contact contact) {
    Contact erased = Redaction.of(contact).erasedContact();

    assertThat(erased.id()).isEqualTo(contact.id());
    assertThat(erased.account()).isEqualTo(contact.account());
    assertThat(erased.name()).isEqualTo(Contact.ERASED_NAME);
    assertThat(erased.email()).isEmpty();
    assertThat(erased.phone()).isEmpty();
    assertThat(erased.erased()).isTrue();
  }

  @Property
  void aNameFilterIsItsFoldedDefinition(
      @ForAll("texts") String name, @ForAll("needles") String needle) {
    TextMatch prefix = TextMatch.prefix(needle);
    TextMatch contains = TextMatch.contains(needle);

    assertThat(prefix.matches(name))
        .isEqualTo(name.toLowerCase(Locale.ROOT).startsWith(needle.toLowerCase(Locale.ROOT)));
    assertThat(contains.matches(name))
        .isEqualTo(name.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT)));
    assertThat(!prefix.matches(name) || contains.matches(name)).isTrue();
  }

  private static final char[] LETTERS = {'a', 'B', 'c', 'É', 'é', ' ', '.', '@', '+', '1'};

  @Provide
  Arbitrary<Contact> contacts() {
    Arbitrary<String> words =
        Arbitraries.strings().withChars(LETTERS).ofMinLength(1).ofMaxLength(6);
    return Combinators.combine(words.filter(w -> !w.isBlank()), words.optional(), words.optional())
        .as(
            (name, email, phone) ->
                Contact.builder()
                    .id(new ContactId(UUID.randomUUID()))
                    .workspace(WS)
                    .name(name)
                    .email(email)
                    .phone(phone)
                    .build());
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars(LETTERS).ofMinLength(1).ofMaxLength(24);
  }

  @Provide
  Arbitrary<String> needles() {
    return Arbitraries.strings()
        .withChars(LETTERS)
        .ofMinLength(1)
        .ofMaxLength(3)
        .filter(s -> !s.isBlank());
  }
}
