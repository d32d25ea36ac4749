package org.salespipeline.core.qualification;

/** What a qualification concludes about a lead. */
public enum Verdict {
  /** Worth pursuing now: the lead may move on in the pipeline. */
  QUALIFIED,
  /** Not ready yet but not lost: keep in touch and assess again later. */
  NURTURE,
  /** Not a fit: the prospect leaves the pipeline as disqualified (apart from lost). */
  DISQUALIFIED
}
