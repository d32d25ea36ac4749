/** The in-memory store. */
package org.salespipeline.core.store.memory;
