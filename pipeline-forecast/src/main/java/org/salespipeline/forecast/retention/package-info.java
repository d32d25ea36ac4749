/**
 * Retention metrics over the event history (issue 17): gross and net revenue retention, logo
 * retention and churn rate per period and per cohort of first win, expansion and contraction
 * revenue, time to onboard, and the retention waterfall. Folded once over primitive columns.
 */
package org.salespipeline.forecast.retention;
