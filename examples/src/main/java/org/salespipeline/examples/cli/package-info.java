/** The demo's command line (picocli) and its terminal views. */
package org.salespipeline.examples.cli;
