package org.salespipeline.core.access;

import java.time.Instant;
import org.salespipeline.core.Deal;
import org.salespipeline.core.store.DealScope;

/** {@link AccessPolicy#allowAll()}: everything allowed, every deal visible. */
enum AllowAll implements AccessPolicy {
  INSTANCE;

  private static final Decision ALLOWED = Decision.allow("no access policy configured");

  @Override
  public Decision decide(Principal principal, Action action, Deal deal, Instant at) {
    return ALLOWED;
  }

  @Override
  public Decision decideWorkspace(Principal principal, Action action, Instant at) {
    return ALLOWED;
  }

  @Override
  public DealScope readScope(Principal principal, Instant at) {
    return DealScope.all();
  }
}
