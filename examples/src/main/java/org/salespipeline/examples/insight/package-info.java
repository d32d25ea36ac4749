/**
 * The demo's pipeline review (health, bottlenecks, work lists, quota attainment), computed from the
 * core's public reads until the library's own insight package ships.
 */
package org.salespipeline.examples.insight;
