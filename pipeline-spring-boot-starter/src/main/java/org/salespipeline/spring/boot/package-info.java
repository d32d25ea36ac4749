/** Spring Boot auto-configuration of the sales pipeline. */
package org.salespipeline.spring.boot;
