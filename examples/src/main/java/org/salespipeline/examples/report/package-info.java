/**
 * The self-contained HTML report of a pipeline: one file with inline SVG charts, no scripts, no
 * style sheets or fonts from the network.
 */
package org.salespipeline.examples.report;
