/** Progress callbacks and the terminal progress bar the demo shows for long operations. */
package org.salespipeline.examples.progress;
