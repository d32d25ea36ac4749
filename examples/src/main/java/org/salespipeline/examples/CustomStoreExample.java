package org.salespipeline.examples;

import java.util.List;
import java.util.Optional;
import org.salespipeline.core.Account;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.examples.storage.ListingPipelineStore;

/**
 * A custom storage adapter at work: {@link ListingPipelineStore} is the in-memory store plus a
 * listing of accounts, something the storage SPI does not offer. The engine neither knows nor
 * cares; the host reads the extra through the store it built. The adapter's test is an empty leaf
 * of pipeline-testkit's contract suite.
 */
public final class CustomStoreExample {
  private CustomStoreExample() {}

  /** Creates two accounts through the engine and lists them through the store. */
  public static List<String> run() {
    ListingPipelineStore store = new ListingPipelineStore();
    SalesPipeline pipeline =
        SalesPipeline.builder().store(store).workspace(WorkspaceId.of("acme")).build();
    pipeline.createAccount("Globex", Optional.of("manufacturing"), Optional.empty());
    pipeline.createAccount("Initech", Optional.of("software"), Optional.empty());
    return store.accounts(WorkspaceId.of("acme")).stream()
        .map(id -> store.workspace(WorkspaceId.of("acme")).account(id).orElseThrow())
        .map(Account::name)
        .toList();
  }

  /** Prints the accounts. */
  public static void main(String[] args) {
    System.out.println("Accounts: " + run());
  }
}
