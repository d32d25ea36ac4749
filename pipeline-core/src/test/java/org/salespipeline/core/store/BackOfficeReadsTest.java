package org.salespipeline.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NeedsAnalysis;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.rule.RuleViolation;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * Examples of the back-office reads and the erasure in the engine and the SPI; the store contract
 * (pipeline-testkit's {@code RecordSearchContract} and {@code ContactErasureContract}) runs the
 * same behaviour on every store.
 */
class BackOfficeReadsTest {
  private static final UserId REP = UserId.of("rep");

  private final SalesPipeline pipeline =
      SalesPipeline.builder().store(new InMemoryPipelineStore()).rules(RuleSet.none()).build();

  private Deal open(String name, String amount, String currency, int closeInDays) {
    return pipeline
        .openDeal(
            OpenDeal.builder()
                .name(name)
                .owner(REP)
                .actor(REP)
                .amount(Money.of(amount, currency))
                .expectedCloseDate(LocalDate.now(pipeline.clock()).plusDays(closeInDays))
                .build())
        .deal();
  }

  @Test
  void dealQueryMatchesTheNewFiltersInclusively() {
    Deal deal = open("Acme Platform", "1000.00", "USD", 30);
    LocalDate close = deal.expectedCloseDate();

    assertThat(DealQuery.builder().name(TextMatch.prefix("ACME p")).build().matches(deal)).isTrue();
    assertThat(DealQuery.builder().name(TextMatch.prefix("platform")).build().matches(deal))
        .isFalse();
    assertThat(DealQuery.builder().closeDateFrom(close).closeDateTo(close).build().matches(deal))
        .isTrue();
    assertThat(DealQuery.builder().closeDateFrom(close.plusDays(1)).build().matches(deal))
        .isFalse();
    assertThat(
            DealQuery.builder()
                .amountFrom(Money.of("1000", "USD"))
                .amountTo(Money.of("1000", "USD"))
                .build()
                .matches(deal))
        .isTrue();
    assertThat(DealQuery.builder().amountFrom(Money.of("1", "EUR")).build().matches(deal))
        .as("another currency never matches")
        .isFalse();
  }

  @Test
  void theEngineRefusesNullQueriesAndUnknownContactsTyped() {
    assertThatThrownBy(() -> pipeline.findAccounts(null))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).concerns("query")).isTrue());
    assertThatThrownBy(() -> pipeline.eraseContact(null, null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.concerns("contact")).isTrue();
              assertThat(e.concerns("actor")).isTrue();
            });
    assertThatThrownBy(() -> pipeline.eraseContact(ContactId.of(UUIDS.ONE), REP))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("contact")).isTrue());
  }

  @Test
  void erasureRewritesFreeTextInTheDealAndItsEventsOnly() {
    Contact jane = pipeline.createContact("Jane Doe", Optional.empty(), Optional.empty());
    Deal deal = open("Platform for jane doe", "10.00", "USD", 10);
    pipeline.update(
        UpdateDeal.builder()
            .deal(deal.id())
            .actor(REP)
            .needsAnalysis(new NeedsAnalysis(List.of("JANE DOE wants SSO"), List.of("audit log")))
            .build());

    pipeline.eraseContact(jane.id(), REP);

    Deal after = pipeline.requireDeal(deal.id());
    assertThat(after.name()).isEqualTo("Platform for [erased]");
    assertThat(after.needsAnalysis().orElseThrow().painPoints())
        .containsExactly("[erased] wants SSO");
    assertThat(after.needsAnalysis().orElseThrow().requirements()).containsExactly("audit log");
    assertThat(pipeline.history(deal.id()).get(0).change())
        .isInstanceOfSatisfying(
            Change.Created.class, c -> assertThat(c.deal().name()).isEqualTo(after.name()));
  }

  @Test
  void ruleOverrideReasonsAndViolationsAreRedacted() {
    Contact jane = pipeline.createContact("Jane Doe", Optional.empty(), Optional.empty());
    Redaction redaction = Redaction.of(jane);
    Change overridden =
        new Change.RuleOverridden(
            "a", "b", List.of(RuleViolation.of("r", "asked by Jane Doe")), "Jane Doe said so");

    Change redacted = redaction.change(overridden);

    assertThat(redacted)
        .isEqualTo(
            new Change.RuleOverridden(
                "a", "b", List.of(RuleViolation.of("r", "asked by [erased]")), "[erased] said so"));
    Change untouched = new Change.StageChanged("a", "b");
    assertThat(redaction.change(untouched)).isSameAs(untouched);
  }

  @Test
  void shortPersonalStringsAreClearedFromTheContactButNotSearchedFor() {
    Contact al =
        Contact.builder()
            .id(ContactId.of(UUIDS.ONE))
            .workspace(WorkspaceId.of("ws"))
            .name("Al")
            .email("al@x.io")
            .build();
    Redaction redaction = Redaction.of(al);

    assertThat(redaction.personalStrings()).containsExactly("al@x.io");
    assertThat(redaction.text("Call Al about the deal")).isEqualTo("Call Al about the deal");
    assertThat(redaction.erasedContact().name()).isEqualTo(Contact.ERASED_NAME);
  }

  @Test
  void aHostStoreWithoutTheNewMethodsRefusesThemAndListsNoErasures() {
    WorkspaceStore real = new InMemoryPipelineStore().workspace(WorkspaceId.of("ws"));
    InvocationHandler onlyAbstract =
        (proxy, method, args) -> {
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    WorkspaceStore host =
        (WorkspaceStore)
            Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {WorkspaceStore.class}, onlyAbstract);

    assertThatThrownBy(() -> host.findAccounts(AccountQuery.all()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("findAccounts");
    assertThatThrownBy(() -> host.findContacts(ContactQuery.all()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> host.eraseContact(null, null))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("eraseContact");
    assertThat(host.contactErasures()).isEmpty();
  }

  /** Fixed ids. */
  private static final class UUIDS {
    static final String ONE = "00000000-0000-0000-0000-000000000001";
  }
}
