/**
 * Fiscal calendars: how a company cuts time into fiscal years, quarters, months and weeks. Every
 * period computation (forecasts, quotas, insight, backtests, forecast calls) can take a {@link
 * org.salespipeline.core.calendar.FiscalCalendar}; without one, the library uses {@link
 * org.salespipeline.core.calendar.FiscalCalendar#gregorian()}, the calendar year.
 */
package org.salespipeline.core.calendar;
