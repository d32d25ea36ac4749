package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's access control section is the code {@link AccessControlExample} runs. */
class AccessControlExampleTest {

  @Test
  void aRepAManagerAndSalesOpsSeeAndChangeWhatTheyMay() {
    assertThat(AccessControlExample.run())
        .containsExactly(
            "rep sees 30000.00 USD, manager 50000.00 USD",
            "sales ops sees 100000.00 USD",
            "bob's deal is not there for alice",
            "refused REASSIGN: no grant gives REASSIGN on a deal owned by alice",
            "now owned by bob, alice sees 0",
            "manager's forecast input: 2 open deals");
  }
}
