/**
 * Lead qualification: the {@link org.salespipeline.core.qualification.QualificationFramework} SPI,
 * its {@link org.salespipeline.core.qualification.QualificationResult}, and two built-in
 * frameworks, BANT (the default) and CHAMP, each scored under a configurable policy.
 *
 * <p>A framework reads a structured assessment (facts about the lead, unknown where not known) and
 * answers with a score from 0 to 100, a verdict and one reason per criterion. A weak lead is a
 * result, never an exception; only malformed input throws {@link
 * org.salespipeline.core.ValidationException}.
 */
@PipelineStyle
package org.salespipeline.core.qualification;

import org.salespipeline.core.PipelineStyle;
