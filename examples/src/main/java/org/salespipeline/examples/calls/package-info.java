/**
 * The demo's forecast process (issue 18): weekly calls of reps and managers, managers' adjustments,
 * and how accurate each owner's calls were beside the library's forecast.
 */
package org.salespipeline.examples.calls;
