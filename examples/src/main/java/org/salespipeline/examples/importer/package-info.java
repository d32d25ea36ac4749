/**
 * Importers: the public CRM Sales Opportunities data set, and any CSV file through a column
 * mapping, all or nothing, with every problem located by file, line and column.
 */
package org.salespipeline.examples.importer;
