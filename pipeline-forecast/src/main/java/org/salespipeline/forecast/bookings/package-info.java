/**
 * The bookings forecast: how much a workspace will book (win) in a period, as seen at the start of
 * a day, with its parts (won so far, open pipeline, new business), a band calibrated on the
 * forecaster's own past errors, the method chosen by backtest and that method's measured accuracy.
 *
 * <p>Entry point: {@link org.salespipeline.forecast.bookings.BookingsForecaster}. All results are
 * immutable and thread-safe; amounts are {@link org.salespipeline.core.Money} in the reporting
 * currency.
 */
package org.salespipeline.forecast.bookings;
