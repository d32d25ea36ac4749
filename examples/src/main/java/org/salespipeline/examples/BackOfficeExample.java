package org.salespipeline.examples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactErasure;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.store.AccountQuery;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.KeysetPage;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.TextMatch;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * The README's back office reads: accounts listed page by page by name prefix and owner, deals
 * found by name, close date and amount, and a contact's personal data erased on request.
 */
public final class BackOfficeExample {
  private BackOfficeExample() {}

  /** What the example found and kept, for its test. */
  public record Result(
      List<String> accountNames,
      List<String> dealNames,
      String nextStepAfterErasure,
      boolean historyReplays,
      ContactErasure erasure) {}

  /** Runs the example on the in-memory store. */
  public static Result run() {
    SalesPipeline pipeline = SalesPipeline.builder().store(new InMemoryPipelineStore()).build();
    UserId alice = UserId.of("alice");
    for (String name : List.of("Globex", "Global Freight", "Initech", "GLOBO Foods")) {
      pipeline.createAccount(name, Optional.of("logistics"), Optional.of(alice));
    }
    Contact jane =
        pipeline.createContact("Jane Doe", Optional.empty(), Optional.of("jane@globex.example"));
    Deal deal =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name("Globex platform")
                    .owner(alice)
                    .actor(alice)
                    .primaryContact(jane.id())
                    .nextStep("Call Jane Doe on Monday")
                    .amount(Money.of(48_000, "USD"))
                    .expectedCloseDate(LocalDate.now().plusMonths(2))
                    .build())
            .deal();
    pipeline.logActivity(
        LogActivity.builder()
            .deal(deal.id())
            .actor(alice)
            .type(ActivityType.EMAIL)
            .subject("Sent pricing to jane@globex.example")
            .build());

    // --- README back office begins
    // Accounts whose name starts with "glob" (any case) and that alice owns, 2 per page.
    List<String> accounts = new ArrayList<>();
    AccountQuery query =
        AccountQuery.builder().name(TextMatch.prefix("glob")).addOwners(alice).limit(2).build();
    KeysetPage<Account, AccountId> page = pipeline.findAccounts(query);
    page.items().forEach(a -> accounts.add(a.name()));
    while (page.next().isPresent()) {
      page = pipeline.findAccounts(AccountQuery.builder().from(query).afterId(page.next()).build());
      page.items().forEach(a -> accounts.add(a.name()));
    }

    // Deals whose name contains "platform", closing within three months, worth 10k-100k USD.
    Page<Deal> deals =
        pipeline.findDeals(
            DealQuery.builder()
                .name(TextMatch.contains("platform"))
                .closeDateFrom(LocalDate.now())
                .closeDateTo(LocalDate.now().plusMonths(3))
                .amountFrom(Money.of(10_000, "USD"))
                .amountTo(Money.of(100_000, "USD"))
                .build());

    // Jane asks to be forgotten: her name and e-mail go from every copy, her id stays.
    ContactErasure erasure = pipeline.eraseContact(jane.id(), UserId.of("privacy-officer"));
    Deal after = pipeline.requireDeal(deal.id()); // next step: "Call [erased] on Monday"
    boolean replays = DealHistory.replay(pipeline.history(deal.id())).equals(after);
    // --- README back office ends

    return new Result(
        accounts,
        deals.items().stream().map(Deal::name).toList(),
        after.nextStep().orElseThrow(),
        replays,
        erasure);
  }
}
