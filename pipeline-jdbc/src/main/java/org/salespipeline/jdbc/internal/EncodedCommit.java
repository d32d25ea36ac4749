package org.salespipeline.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealCommit;

/** The text of a commit, encoded once before the transaction (and before any retry). */
record EncodedCommit(String dealBody, List<String> eventPayloads, List<String> activityBodies) {
  static EncodedCommit of(DealCommit commit) {
    String body = Codec.encodeDeal(commit.deal());
    List<String> payloads = new ArrayList<>(commit.events().size());
    for (DealEvent event : commit.events()) {
      // why: a creation event carries the deal it created; its encoding is the body's
      String change = Codec.encodeChange(event.change(), commit.deal(), body);
      payloads.add(Codec.encodeEventPayload(event.at(), change));
    }
    List<String> activities = commit.activities().stream().map(Codec::encodeActivity).toList();
    return new EncodedCommit(body, payloads, activities);
  }
}
