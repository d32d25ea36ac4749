package org.salespipeline.core.qualification;

/** What a weighted four-criteria policy (BANT, CHAMP) tells the shared scoring. */
interface ScoringPolicy {
  /** The sum of the criteria weights, more than 0. */
  double totalWeight();

  /** Least score that qualifies. */
  int qualifiedScore();

  /** Least score that nurtures rather than disqualifies. */
  int nurtureScore();

  /** Least number of criteria met to qualify. */
  int minimumCriteriaMet();
}
