/**
 * Stage rules: checks every transition must pass. A rule answers with {@link
 * org.salespipeline.core.rule.RuleViolation}s, never by throwing; the engine refuses a move with
 * all violations at once. Hosts add rules by implementing {@link
 * org.salespipeline.core.rule.StageRule}.
 */
@PipelineStyle
package org.salespipeline.core.rule;

import org.salespipeline.core.PipelineStyle;
