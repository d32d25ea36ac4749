/**
 * Forecast roll-ups over the organisation: the system's figures per team and user as the
 * organisation stood at the time, and the layers hosts put over them.
 */
package org.salespipeline.forecast.rollup;
