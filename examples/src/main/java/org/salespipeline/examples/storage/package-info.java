/**
 * Storage for the demo: a custom store adapter (an in-memory store that can list its accounts and
 * contacts) and the bulk copy of a generated workspace into a durable store.
 */
package org.salespipeline.examples.storage;
