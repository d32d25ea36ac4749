/** Runnable examples of the Sales Pipeline SDK. */
package org.salespipeline.examples;
