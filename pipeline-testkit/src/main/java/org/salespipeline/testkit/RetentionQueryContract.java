package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.store.RetentionPage;
import org.salespipeline.core.store.RetentionQuery;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The customer-success reads (issue 17): accounts by retention status and owner, follow-ups due and
 * overdue, renewals in a period, accounts without activity for a while; keyset pages in account id
 * order that add up to the stream, and the same answers as {@link RetentionQuery#matches} on every
 * store.
 */
public interface RetentionQueryContract extends StoreUnderTest {

  /** Twelve accounts with every status, two owners, renewals a month apart, varied activity. */
  private static List<CustomerRetention> customers(WorkspaceStore view, Instant now) {
    List<CustomerRetention> all = new ArrayList<>();
    RetentionStatus[] statuses = RetentionStatus.values();
    for (int i = 0; i < 12; i++) {
      CustomerRetention.Builder b =
          CustomerRetention.builder()
              .account(new AccountId(new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L + i)))
              .workspace(view.workspaceId())
              .status(statuses[i % statuses.length])
              .wonDeal(new DealId(UUID.randomUUID()))
              .since(now.minus(Duration.ofDays(100)))
              .lastActivityAt(now.minus(Duration.ofDays(i * 10L)))
              .owner(i % 2 == 0 ? ALICE : BOB)
              .recurringValue(Money.of(1000L * (i + 1), "USD"))
              .version(1);
      if (i % 3 != 0) {
        b.renewalDate(LocalDate.of(2026, 4, 1).plusMonths(i));
      }
      if (i % 4 != 3) {
        b.nextFollowUp(now.plus(Duration.ofDays(i - 5L)));
      }
      CustomerRetention r = b.build();
      view.commitRetention(r, List.of());
      all.add(r);
    }
    return all;
  }

  private static List<CustomerRetention> streamed(WorkspaceStore view, RetentionQuery query) {
    try (Stream<CustomerRetention> s = view.streamRetention(query)) {
      return s.toList();
    }
  }

  private static List<CustomerRetention> expected(
      List<CustomerRetention> all, RetentionQuery query) {
    return all.stream()
        .filter(query::matches)
        .sorted((a, b) -> a.account().compareTo(b.account()))
        .toList();
  }

  @Test
  default void everyFilterAnswersAsTheQueryDefinesIt() {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    Instant now = TestClock.START;
    List<CustomerRetention> all = customers(view, now);
    List<RetentionQuery> queries =
        List.of(
            RetentionQuery.all(),
            RetentionQuery.builder().addStatuses(RetentionStatus.AT_RISK).build(),
            RetentionQuery.builder()
                .addStatuses(RetentionStatus.ACTIVE, RetentionStatus.RENEWAL_DUE)
                .addOwners(BOB)
                .build(),
            RetentionQuery.builder().followUpDueBy(now).build(),
            RetentionQuery.builder().followUpDueBy(now.plus(Duration.ofDays(2))).build(),
            RetentionQuery.builder()
                .renewalFrom(LocalDate.of(2026, 6, 1))
                .renewalTo(LocalDate.of(2026, 10, 1))
                .build(),
            RetentionQuery.builder().renewalTo(LocalDate.of(2026, 9, 1)).build(),
            RetentionQuery.builder().noActivitySince(now.minus(Duration.ofDays(30))).build(),
            RetentionQuery.builder().addOwners(UserId.of("nobody")).noActivitySince(now).build());
    for (RetentionQuery query : queries) {
      List<CustomerRetention> want = expected(all, query);
      assertThat(streamed(view, query)).as(query.toString()).isEqualTo(want);
      assertThat(view.findRetention(query).items()).as(query.toString()).isEqualTo(want);
    }
    assertThat(expected(all, queries.get(3))).isNotEmpty();
    assertThat(expected(all, queries.get(5))).isNotEmpty();
    assertThat(expected(all, queries.get(7))).isNotEmpty();
  }

  @Test
  default void keysetPagesAddUpToTheStream() {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    List<CustomerRetention> all = customers(view, TestClock.START);
    RetentionQuery base = RetentionQuery.builder().addOwners(ALICE).limit(2).build();
    List<CustomerRetention> paged = new ArrayList<>();
    Optional<AccountId> after = Optional.empty();
    int pages = 0;
    do {
      RetentionPage page =
          view.findRetention(RetentionQuery.builder().from(base).afterAccount(after).build());
      paged.addAll(page.items());
      after = page.next();
      pages++;
    } while (after.isPresent() && pages < 20);
    assertThat(paged).isEqualTo(expected(all, base)).hasSize(6);
    assertThat(pages).isEqualTo(3);
    assertThat(streamed(view, base)).isEqualTo(paged);
  }

  @Test
  default void anotherWorkspaceSeesNone() {
    WorkspaceStore view = storeUnderTest().workspace(newWorkspace());
    customers(view, TestClock.START);
    WorkspaceStore other = storeUnderTest().workspace(newWorkspace());
    assertThat(streamed(other, RetentionQuery.all())).isEmpty();
    assertThat(other.findRetention(RetentionQuery.all()).items()).isEmpty();
  }
}
