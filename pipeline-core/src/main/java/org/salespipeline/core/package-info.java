/**
 * The sales pipeline: deals, accounts, contacts, teams, money, and the {@link
 * org.salespipeline.core.SalesPipeline} engine that every change goes through.
 */
@PipelineStyle
package org.salespipeline.core;
