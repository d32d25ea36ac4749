package org.salespipeline.forecast.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The load section: per owner, the open deals with their value and expected value (value times the
 * stage's win probability), and how many are overdue, idle or stuck; with the totals over all open
 * deals.
 */
final class OwnerLoads {
  private final Owners owners;
  private final long[] ownerOpen;
  private final long[] ownerValue;
  private final double[] ownerWeighted;
  private final long[] ownerOverdue;
  private final long[] ownerIdle;
  private final long[] ownerStuck;
  private final long[] ownerIdleOrStuck;
  private final double[] ownerMaxEv;
  private final long openValue;
  private final double weighted;

  OwnerLoads(Owners owners, OpenDealTable open, DealFlags flags, StageWins wins) {
    this.owners = owners;
    int n = owners.size();
    ownerOpen = new long[n];
    ownerValue = new long[n];
    ownerWeighted = new double[n];
    ownerOverdue = new long[n];
    ownerIdle = new long[n];
    ownerStuck = new long[n];
    ownerIdleOrStuck = new long[n];
    ownerMaxEv = new double[n];
    long value = 0;
    double expected = 0;
    for (int r = 0; r < open.size; r++) {
      int o = open.owner.a[r];
      long amount = open.amount.a[r];
      double ev = amount * wins.probability(open.stage.a[r]);
      expected += ev;
      value += amount;
      ownerOpen[o]++;
      ownerValue[o] += amount;
      ownerWeighted[o] += ev;
      ownerMaxEv[o] = Math.max(ownerMaxEv[o], ev);
      if (flags.stuck(r)) {
        ownerStuck[o]++;
      }
      if (flags.idle(r)) {
        ownerIdle[o]++;
      }
      if (flags.idle(r) || flags.stuck(r)) {
        ownerIdleOrStuck[o]++;
      }
      if (flags.overdue(r)) {
        ownerOverdue[o]++;
      }
    }
    openValue = value;
    weighted = expected;
  }

  /** Load per owner with open deals, most open deals first. */
  List<OwnerLoad> loads() {
    List<OwnerLoad> loads = new ArrayList<>();
    for (int o = 0; o < owners.size(); o++) {
      if (ownerOpen[o] > 0) {
        loads.add(
            new OwnerLoad(
                owners.get(o),
                ownerOpen[o],
                ownerValue[o],
                ownerWeighted[o],
                ownerOverdue[o],
                ownerIdle[o],
                ownerStuck[o]));
      }
    }
    loads.sort(
        Comparator.comparingLong(OwnerLoad::openDeals).reversed().thenComparing(OwnerLoad::owner));
    return List.copyOf(loads);
  }

  /** The open deals of owner {@code o}. */
  long openDeals(int o) {
    return ownerOpen[o];
  }

  /**
   * The open deals of owner {@code o} that are idle, stuck or both, each counted once (a deal both
   * idle and stuck is one deal).
   */
  long idleOrStuck(int o) {
    return ownerIdleOrStuck[o];
  }

  /** The largest expected value among the open deals of owner {@code o}; 0 if none. */
  double maxExpectedValue(int o) {
    return ownerMaxEv[o];
  }

  /** The value of all open deals. */
  long openValue() {
    return openValue;
  }

  /** The expected value of all open deals. */
  double weighted() {
    return weighted;
  }
}
