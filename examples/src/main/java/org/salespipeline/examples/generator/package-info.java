/**
 * Generates a realistic, reproducible pipeline through the engine, with a mutable clock set to each
 * event's time.
 */
package org.salespipeline.examples.generator;
