package org.salespipeline.forecast.distribution;

/** The method behind a {@link RevenueDistribution}. */
public enum Engine {
  /** Exact convolution over the distinct sums; no approximation. */
  EXACT,
  /** Large deals exact on a lattice, the rest one Gaussian kernel. */
  HYBRID,
  /** Normal approximation with a Berry-Esseen bound. */
  NORMAL,
  /** Monte Carlo simulation. */
  MONTE_CARLO
}
