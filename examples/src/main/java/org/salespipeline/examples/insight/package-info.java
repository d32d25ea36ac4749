/**
 * The demo's read of the history (read once, analysed by pipeline-forecast's insight package) and
 * the backtest of its monthly forecast.
 */
package org.salespipeline.examples.insight;
