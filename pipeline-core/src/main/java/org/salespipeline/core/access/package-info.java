/**
 * Who may see and change which deal (issue 16): the {@link org.salespipeline.core.access.Principal}
 * a call runs as, the {@link org.salespipeline.core.access.Action}s it may take, the {@link
 * org.salespipeline.core.access.AccessPolicy} SPI that decides them and gives the read scope, the
 * built-in {@link org.salespipeline.core.access.Grants} policy, and the {@link
 * org.salespipeline.core.access.AccessDeniedException} of a refusal.
 *
 * <p>A pipeline built without a policy allows everything, as before; {@code
 * SalesPipeline.as(principal)} gives the view of one principal, whose commands are checked before
 * anything is written and whose reads see only the deals the principal may view.
 */
@PipelineStyle
package org.salespipeline.core.access;

import org.salespipeline.core.PipelineStyle;
