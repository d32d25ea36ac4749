/**
 * The organisation around the deals: which team each user belongs to, who manages each team and how
 * teams nest, at any instant. Access policies read it to decide what a manager may see, and
 * forecast roll-ups read it to place a deal under the team its owner belonged to at the time.
 *
 * <p>The host supplies an {@link org.salespipeline.core.org.OrgDirectory}: the built-in {@link
 * org.salespipeline.core.org.OrgChart} holds effective-dated teams and memberships, and {@link
 * org.salespipeline.core.org.OrgDirectory#fromTeams} turns the stored {@link
 * org.salespipeline.core.Team} records into an undated directory.
 */
package org.salespipeline.core.org;
