package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Contact;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.AccountQuery;
import org.salespipeline.core.store.ContactQuery;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.KeysetPage;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.TextMatch;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The reads a back office needs: accounts and contacts listed in keyset pages by name (prefix or
 * contains, ignoring case), owner, industry and account; deals found by name, expected close date
 * range, owner, stage, account and amount range. A page walk returns exactly the records {@code
 * matches} selects, in id order, each once (a jqwik property).
 */
public interface RecordSearchContract extends StoreUnderTest {

  // ---------------------------------------------------------------- accounts and contacts

  /** Accounts by name prefix ignoring case, by owner and by industry ignoring case. */
  @Test
  default void accountsAreFoundByNamePrefixOwnerAndIndustry() {
    SalesPipeline pipeline = engine(storeUnderTest(), newWorkspace(), TestClock.start());
    Account globex =
        pipeline.createAccount("Globex Corp", Optional.of("Manufacturing"), Optional.of(ALICE));
    Account global =
        pipeline.createAccount("global logistics", Optional.of("logistics"), Optional.of(BOB));
    Account initech =
        pipeline.createAccount("Initech", Optional.of("software"), Optional.of(ALICE));
    Account unowned = pipeline.createAccount("GLOBOCORP");

    assertThat(names(pipeline.findAccounts(byName(TextMatch.prefix("glob")))))
        .containsExactlyElementsOf(
            names(List.of(globex, global, unowned).stream().sorted(byAccountId()).toList()));
    assertThat(pipeline.findAccounts(byName(TextMatch.contains("TECH"))).items())
        .containsExactly(initech);
    assertThat(
            pipeline.findAccounts(AccountQuery.builder().addOwners(ALICE).build()).items().stream()
                .map(Account::id)
                .toList())
        .containsExactlyElementsOf(
            List.of(globex, initech).stream().sorted(byAccountId()).map(Account::id).toList());
    assertThat(
            pipeline.findAccounts(AccountQuery.builder().industry("manufacturing").build()).items())
        .containsExactly(globex);
    assertThat(
            pipeline
                .findAccounts(
                    AccountQuery.builder()
                        .name(TextMatch.prefix("GLOB"))
                        .addOwners(BOB)
                        .industry("Logistics")
                        .build())
                .items())
        .containsExactly(global);
  }

  /** Contacts by name prefix and contains ignoring case, and by account. */
  @Test
  default void contactsAreFoundByNameAndAccount() {
    SalesPipeline pipeline = engine(storeUnderTest(), newWorkspace(), TestClock.start());
    Account acme = pipeline.createAccount("Acme");
    Contact jane =
        pipeline.createContact(
            "Jane Doe", Optional.of(acme.id()), Optional.of("jane@acme.example"));
    Contact janet = pipeline.createContact("janet smith", Optional.empty(), Optional.empty());
    Contact john = pipeline.createContact("John Doe", Optional.of(acme.id()), Optional.empty());

    assertThat(
            pipeline
                .findContacts(ContactQuery.builder().name(TextMatch.prefix("JANE")).build())
                .items())
        .containsExactlyElementsOf(
            List.of(jane, janet).stream().sorted(Comparator.comparing(Contact::id)).toList());
    assertThat(
            pipeline
                .findContacts(ContactQuery.builder().name(TextMatch.contains(" doe")).build())
                .items())
        .containsExactlyElementsOf(
            List.of(jane, john).stream().sorted(Comparator.comparing(Contact::id)).toList());
    assertThat(
            pipeline
                .findContacts(
                    ContactQuery.builder().account(acme.id()).name(TextMatch.prefix("jo")).build())
                .items())
        .containsExactly(john);
  }

  /** Pattern characters of SQL LIKE are plain text in a name filter. */
  @Test
  default void likeWildcardsInTheFilterAreMatchedLiterally() {
    SalesPipeline pipeline = engine(storeUnderTest(), newWorkspace(), TestClock.start());
    Account percent = pipeline.createAccount("100% Cotton_Co\\op");
    pipeline.createAccount("1000 Cotton Co");
    pipeline.createAccount("100x CottonXCo");

    assertThat(pipeline.findAccounts(byName(TextMatch.prefix("100%"))).items())
        .containsExactly(percent);
    assertThat(pipeline.findAccounts(byName(TextMatch.contains("n_c"))).items())
        .containsExactly(percent);
    assertThat(pipeline.findAccounts(byName(TextMatch.contains("co\\op"))).items())
        .containsExactly(percent);
  }

  /** Case folding follows Java's {@code toLowerCase(Locale.ROOT)} on every store, accents kept. */
  @Test
  default void nameFiltersFoldCaseBeyondAscii() {
    SalesPipeline pipeline = engine(storeUnderTest(), newWorkspace(), TestClock.start());
    Account cafe = pipeline.createAccount("ÉCOLE Café Ökonomie");
    pipeline.createAccount("Ecole Cafe Oekonomie");

    assertThat(pipeline.findAccounts(byName(TextMatch.prefix("école"))).items())
        .containsExactly(cafe);
    assertThat(pipeline.findAccounts(byName(TextMatch.contains("ÖKO"))).items())
        .containsExactly(cafe);
  }

  /**
   * Pages of accounts cover every match once, in id order, with the next id on all but the last.
   */
  @Test
  default void accountPagesCoverEveryMatchOnceInIdOrder() {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    List<Account> saved = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Account account =
          Account.builder()
              .id(new AccountId(UUID.randomUUID()))
              .workspace(ws)
              .name((i % 2 == 0 ? "North " : "South ") + i)
              .createdAt(TestClock.START)
              .build();
      view.saveAccount(account);
      saved.add(account);
    }
    AccountQuery north = AccountQuery.builder().name(TextMatch.prefix("north")).limit(2).build();

    List<Account> walked =
        walk(
            view::findAccounts,
            north,
            (q, after) -> AccountQuery.builder().from(q).afterId(after).build());

    assertThat(walked)
        .containsExactlyElementsOf(
            saved.stream().filter(north::matches).sorted(byAccountId()).toList());
    assertThat(walked).hasSize(4);
  }

  /** Limits outside [1, 10,000] and blank or too long name filters are refused, typed. */
  @Test
  default void badSearchInputIsRefusedWithATypedError() {
    assertThatThrownBy(() -> TextMatch.prefix(" "))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).concerns("name")).isTrue());
    assertThatThrownBy(() -> TextMatch.contains("x".repeat(201)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> AccountQuery.builder().limit(0).build())
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ContactQuery.builder().limit(10_001).build())
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                DealQuery.builder()
                    .amountFrom(Money.of("10", "USD"))
                    .amountTo(Money.of("20", "EUR"))
                    .build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).concerns("amountTo")).isTrue());
    assertThatThrownBy(
            () ->
                DealQuery.builder()
                    .closeDateFrom(LocalDate.of(2026, 5, 2))
                    .closeDateTo(LocalDate.of(2026, 5, 1))
                    .build())
        .isInstanceOf(ValidationException.class);
  }

  // ---------------------------------------------------------------- deals

  /** Deals by name prefix and by contained text, both ignoring case. */
  @Test
  default void dealsAreFoundByNamePrefixOrContainedText() {
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), newWorkspace(), clock);
    Deal platform = pipeline.openDeal(openDeal(clock).name("Acme Platform").build()).deal();
    Deal renewal = pipeline.openDeal(openDeal(clock).name("acme renewal 2027").build()).deal();
    Deal other = pipeline.openDeal(openDeal(clock).name("Globex PLATFORM").build()).deal();

    assertThat(ids(pipeline.findDeals(dealsNamed(TextMatch.prefix("ACME")))))
        .containsExactlyElementsOf(sortedIds(platform, renewal));
    assertThat(ids(pipeline.findDeals(dealsNamed(TextMatch.contains("platform")))))
        .containsExactlyElementsOf(sortedIds(platform, other));
    assertThat(pipeline.findDeals(dealsNamed(TextMatch.prefix("platform"))).items()).isEmpty();
  }

  /** Deals whose expected close date lies in a range, both ends inclusive. */
  @Test
  default void dealsAreFoundByCloseDateRange() {
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), newWorkspace(), clock);
    LocalDate today = clock.today();
    Deal early =
        pipeline.openDeal(openDeal(clock).expectedCloseDate(today.plusDays(10)).build()).deal();
    Deal edge =
        pipeline.openDeal(openDeal(clock).expectedCloseDate(today.plusDays(30)).build()).deal();
    Deal late =
        pipeline.openDeal(openDeal(clock).expectedCloseDate(today.plusDays(31)).build()).deal();

    Page<Deal> page =
        pipeline.findDeals(
            DealQuery.builder()
                .closeDateFrom(today.plusDays(10))
                .closeDateTo(today.plusDays(30))
                .build());
    assertThat(ids(page)).containsExactlyElementsOf(sortedIds(early, edge));
    assertThat(
            ids(pipeline.findDeals(DealQuery.builder().closeDateFrom(today.plusDays(31)).build())))
        .containsExactly(late.id());
  }

  /** Deals by amount range, inclusive, in the bounds' currency only. */
  @Test
  default void dealsAreFoundByAmountRangeInItsCurrency() {
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), newWorkspace(), clock);
    Deal small =
        pipeline.openDeal(openDeal(clock).amount(Money.of("999.99", "USD")).build()).deal();
    Deal low = pipeline.openDeal(openDeal(clock).amount(Money.of("1000.00", "USD")).build()).deal();
    Deal high =
        pipeline.openDeal(openDeal(clock).amount(Money.of("5000.00", "USD")).build()).deal();
    pipeline.openDeal(openDeal(clock).amount(Money.of("2000.00", "EUR")).build());

    assertThat(
            ids(
                pipeline.findDeals(
                    DealQuery.builder()
                        .amountFrom(Money.of("1000", "USD"))
                        .amountTo(Money.of("5000", "USD"))
                        .build())))
        .containsExactlyElementsOf(sortedIds(low, high));
    assertThat(
            ids(
                pipeline.findDeals(
                    DealQuery.builder().amountTo(Money.of("999.99", "USD")).build())))
        .containsExactly(small.id());
  }

  /** Owner, stage, account, status and name filters combine with AND. */
  @Test
  default void dealFiltersCombine() {
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), newWorkspace(), clock);
    Account acme = pipeline.createAccount("Acme");
    Deal wanted =
        pipeline
            .openDeal(openDeal(clock).name("Acme expansion").owner(BOB).account(acme.id()).build())
            .deal();
    pipeline.openDeal(
        openDeal(clock).name("Acme expansion").owner(ALICE).account(acme.id()).build());
    pipeline.openDeal(openDeal(clock).name("Acme expansion").owner(BOB).build());
    Deal lost =
        pipeline
            .openDeal(openDeal(clock).name("Acme extra").owner(BOB).account(acme.id()).build())
            .deal();
    pipeline.lose(CloseDeal.builder().deal(lost.id()).actor(BOB).reason("no budget").build());

    DealQuery query =
        DealQuery.builder()
            .name(TextMatch.prefix("acme ex"))
            .addOwners(BOB)
            .account(acme.id())
            .addStages(StandardPipelines.PROSPECTING)
            .build();
    assertThat(ids(pipeline.findDeals(query))).containsExactly(wanted.id());
    try (var stream = pipeline.streamDeals(query)) {
      assertThat(stream.map(Deal::id).toList()).containsExactly(wanted.id());
    }
  }

  // ---------------------------------------------------------------- the page-walk property

  /**
   * A walk through the pages of any account query returns exactly the accounts {@link
   * AccountQuery#matches} selects, in id order, each once.
   */
  @Property(tries = 15)
  default void anAccountPageWalkReturnsExactlyTheFilteredSetInOrder(
      @ForAll("accountsAndQueries") AccountCase example) {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    List<Account> saved = new ArrayList<>();
    for (AccountRow row : example.rows()) {
      Account account =
          Account.builder()
              .id(new AccountId(UUID.randomUUID()))
              .workspace(ws)
              .name(row.name())
              .industry(row.industry())
              .owner(row.owner())
              .createdAt(TestClock.START)
              .build();
      view.saveAccount(account);
      saved.add(account);
    }
    AccountQuery query = example.query();

    List<Account> walked =
        walk(
            view::findAccounts,
            query,
            (q, after) -> AccountQuery.builder().from(q).afterId(after).build());

    assertThat(walked)
        .containsExactlyElementsOf(
            saved.stream().filter(query::matches).sorted(byAccountId()).toList());
  }

  /**
   * A walk through the pages of any deal query with the new filters (name, close dates, amounts)
   * returns exactly the deals {@link DealQuery#matches} selects, in id order, each once.
   */
  @Property(tries = 15)
  default void aDealPageWalkReturnsExactlyTheFilteredSetInOrder(
      @ForAll("dealsAndQueries") DealCase example) {
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), newWorkspace(), clock);
    List<Deal> opened = new ArrayList<>();
    for (DealRow row : example.rows()) {
      opened.add(
          pipeline
              .openDeal(
                  openDeal(clock)
                      .id(new DealId(UUID.randomUUID()))
                      .name(row.name())
                      .owner(row.owner())
                      .amount(row.amount())
                      .expectedCloseDate(clock.today().plusDays(row.closeInDays()))
                      .build())
              .deal());
    }
    DealQuery query = example.query();

    List<Deal> walked = walkDeals(pipeline::findDeals, query);

    assertThat(walked.stream().map(Deal::id).toList())
        .containsExactlyElementsOf(
            opened.stream().filter(query::matches).map(Deal::id).sorted().toList());
  }

  /** One account to save in {@link #anAccountPageWalkReturnsExactlyTheFilteredSetInOrder}. */
  record AccountRow(String name, Optional<String> industry, Optional<UserId> owner) {}

  /** The accounts of one try and the query to walk. */
  record AccountCase(List<AccountRow> rows, AccountQuery query) {}

  /** One deal to open in {@link #aDealPageWalkReturnsExactlyTheFilteredSetInOrder}. */
  record DealRow(String name, UserId owner, Money amount, int closeInDays) {}

  /** The deals of one try and the query to walk. */
  record DealCase(List<DealRow> rows, DealQuery query) {}

  /** Accounts with names from a small alphabet (cases, accents, LIKE wildcards) and a query. */
  @Provide
  default Arbitrary<AccountCase> accountsAndQueries() {
    Arbitrary<AccountRow> rows =
        Combinators.combine(
                SearchArbitraries.names(),
                Arbitraries.of("Software", "software", "Retail").optional(0.7),
                Arbitraries.of(ALICE, BOB).optional(0.7))
            .as(AccountRow::new);
    Arbitrary<AccountQuery> queries =
        Combinators.combine(
                SearchArbitraries.matches().optional(0.8),
                Arbitraries.subsetOf(ALICE, BOB),
                Arbitraries.of("software", "RETAIL").optional(0.3),
                Arbitraries.integers().between(1, 4))
            .as(
                (name, owners, industry, limit) ->
                    AccountQuery.builder()
                        .name(name)
                        .owners(owners)
                        .industry(industry)
                        .limit(limit)
                        .build());
    return Combinators.combine(rows.list().ofMinSize(0).ofMaxSize(12), queries)
        .as(AccountCase::new);
  }

  /** Deals with names, owners, amounts (two currencies) and close dates, and a query. */
  @Provide
  default Arbitrary<DealCase> dealsAndQueries() {
    Arbitrary<Money> amounts =
        Combinators.combine(
                Arbitraries.integers().between(0, 20).map(i -> i * 500),
                Arbitraries.of("USD", "EUR"))
            .as((units, currency) -> Money.of(units + ".00", currency));
    Arbitrary<DealRow> rows =
        Combinators.combine(
                SearchArbitraries.names(),
                Arbitraries.of(ALICE, BOB),
                amounts,
                Arbitraries.integers().between(1, 90))
            .as(DealRow::new);
    Arbitrary<Optional<Integer>> days = Arbitraries.integers().between(1, 90).optional(0.4);
    Arbitrary<Optional<Integer>> units = Arbitraries.integers().between(0, 20).optional(0.4);
    Arbitrary<DealQuery> queries =
        Combinators.combine(
                SearchArbitraries.matches().optional(0.6),
                Arbitraries.subsetOf(ALICE, BOB),
                days,
                days,
                units,
                units,
                Arbitraries.integers().between(1, 4))
            .as(
                (name, owners, from, to, min, max, limit) -> {
                  LocalDate today = TestClock.start().today();
                  DealQuery.Builder b = DealQuery.builder().name(name).owners(owners).limit(limit);
                  int lowDay = Math.min(from.orElse(1), to.orElse(90));
                  from.ifPresent(d -> b.closeDateFrom(today.plusDays(lowDay)));
                  to.ifPresent(d -> b.closeDateTo(today.plusDays(Math.max(d, lowDay))));
                  int low = Math.min(min.orElse(0), max.orElse(20));
                  min.ifPresent(u -> b.amountFrom(Money.of(low * 500 + ".00", "USD")));
                  max.ifPresent(u -> b.amountTo(Money.of(Math.max(u, low) * 500 + ".00", "USD")));
                  return b.build();
                });
    return Combinators.combine(rows.list().ofMinSize(0).ofMaxSize(12), queries).as(DealCase::new);
  }

  // ---------------------------------------------------------------- helpers

  /** Walks keyset pages of accounts or contacts, checking that next ids move on. */
  private static <Q, T, K> List<T> walk(
      Function<Q, KeysetPage<T, K>> find, Q first, BiFunction<Q, Optional<K>, Q> after) {
    return walkPages(q -> find.apply(q).items(), q -> find.apply(q).next(), first, after);
  }

  /** Walks pages of deals. */
  private static List<Deal> walkDeals(Function<DealQuery, Page<Deal>> find, DealQuery first) {
    List<Deal> all = new ArrayList<>();
    DealQuery query = first;
    Set<DealId> seen = new HashSet<>();
    for (int guard = 0; guard < 1_000; guard++) {
      Page<Deal> page = find.apply(query);
      all.addAll(page.items());
      if (page.next().isEmpty()) {
        return all;
      }
      assertThat(page.items()).as("a page with a next id is full").hasSize(query.limit());
      assertThat(seen.add(page.next().get())).as("next ids never repeat").isTrue();
      query = DealQuery.builder().from(query).afterId(page.next()).build();
    }
    throw new AssertionError("the page walk did not end");
  }

  private static <Q, T, K> List<T> walkPages(
      Function<Q, List<T>> items,
      Function<Q, Optional<K>> next,
      Q first,
      BiFunction<Q, Optional<K>, Q> after) {
    List<T> all = new ArrayList<>();
    Q query = first;
    Set<K> seen = new HashSet<>();
    for (int guard = 0; guard < 1_000; guard++) {
      List<T> page = items.apply(query);
      Optional<K> following = next.apply(query);
      all.addAll(page);
      if (following.isEmpty()) {
        return all;
      }
      assertThat(page).as("a page with a next id is not empty").isNotEmpty();
      assertThat(seen.add(following.get())).as("next ids never repeat").isTrue();
      query = after.apply(query, following);
    }
    throw new AssertionError("the page walk did not end");
  }

  private static AccountQuery byName(TextMatch name) {
    return AccountQuery.builder().name(name).build();
  }

  private static DealQuery dealsNamed(TextMatch name) {
    return DealQuery.builder().name(name).build();
  }

  private static Comparator<Account> byAccountId() {
    return Comparator.comparing(Account::id);
  }

  private static List<String> names(KeysetPage<Account, AccountId> page) {
    return names(page.items());
  }

  private static List<String> names(List<Account> accounts) {
    return accounts.stream().map(Account::name).toList();
  }

  private static List<DealId> ids(Page<Deal> page) {
    return page.items().stream().map(Deal::id).toList();
  }

  private static List<DealId> sortedIds(Deal... deals) {
    return java.util.Arrays.stream(deals).map(Deal::id).sorted().toList();
  }
}
