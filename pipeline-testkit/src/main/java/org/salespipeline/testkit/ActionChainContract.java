package org.salespipeline.testkit;

import static org.salespipeline.testkit.ContractFixtures.newWorkspace;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import org.salespipeline.core.store.PipelineStore;

/**
 * Random sequences of commands checked against a model: jqwik generates chains of create, move,
 * stale move, replay of a key, win, lose, reopen, log activity and query, runs them through the
 * engine on the store under test and checks every deal against the model after every step.
 */
public interface ActionChainContract extends StoreUnderTest {
  /**
   * Random sequences of create, move, stale move, replay of a key, win, lose, reopen, log activity
   * and query, run through the engine on {@link #storeUnderTest()} and checked against a model
   * after every step.
   */
  @Property(tries = 50)
  default void actionChainsAgreeWithTheModel(@ForAll("dealActionChains") ActionChain<?> chain) {
    chain.run();
  }

  /**
   * The chains {@link #actionChainsAgreeWithTheModel} runs, each in a fresh workspace and each
   * checking every deal against the model after every step.
   *
   * @return the chains to run, never null
   */
  @Provide
  default Arbitrary<ActionChain<?>> dealActionChains() {
    PipelineStore store = storeUnderTest();
    return DealChain.chains(() -> new DealChain(store, newWorkspace()), 30)
        .map(
            chain ->
                chain.withInvariant("the store agrees with the model", DealChain::checkAllDeals));
  }
}
