/** JDBC storage for the sales pipeline. */
package org.salespipeline.jdbc;
