package org.salespipeline.spring.boot;

import org.salespipeline.core.access.InvisibleDeals;
import org.salespipeline.jdbc.SchemaMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code pipeline.*} settings of the starter. Mutable, as Spring binds it; read once at
 * start-up.
 */
@ConfigurationProperties(prefix = "pipeline")
public class PipelineProperties {

  /** Whether the starter configures the pipeline at all. */
  private boolean enabled = true;

  /**
   * Name of the DataSource bean the store writes to; by default the application's only (or primary)
   * DataSource. Spring-managed transactions are joined only when the transaction manager runs over
   * this same DataSource.
   */
  private String dataSource;

  /** What the store does with the schema at start-up: MIGRATE, VALIDATE or NONE. */
  private SchemaMode schemaMode = SchemaMode.MIGRATE;

  /**
   * Prefix of every table of the store: 1-20 lowercase letters, digits or '_', starting with a
   * letter.
   */
  private String tablePrefix = "sp_";

  /**
   * Workspace (tenant) of the SalesPipeline bean, and the one the default WorkspaceResolver
   * answers.
   */
  private String workspace = "default";

  /** ISO 4217 code of the currency totals are reported in. */
  private String reportingCurrency = "USD";

  /** Access control settings ({@code pipeline.access.*}). */
  private final Access access = new Access();

  /** Whether the starter configures the pipeline at all; true by default. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets {@link #isEnabled()}. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The DataSource bean's name, or null for the application's only or primary one. */
  public String getDataSource() {
    return dataSource;
  }

  /** Sets {@link #getDataSource()}. */
  public void setDataSource(String dataSource) {
    this.dataSource = dataSource;
  }

  /** What the store does with the schema at start-up; {@link SchemaMode#MIGRATE} by default. */
  public SchemaMode getSchemaMode() {
    return schemaMode;
  }

  /** Sets {@link #getSchemaMode()}. */
  public void setSchemaMode(SchemaMode schemaMode) {
    this.schemaMode = schemaMode;
  }

  /** The table prefix; {@code sp_} by default. */
  public String getTablePrefix() {
    return tablePrefix;
  }

  /** Sets {@link #getTablePrefix()}. */
  public void setTablePrefix(String tablePrefix) {
    this.tablePrefix = tablePrefix;
  }

  /** The default workspace; {@code default} by default. */
  public String getWorkspace() {
    return workspace;
  }

  /** Sets {@link #getWorkspace()}. */
  public void setWorkspace(String workspace) {
    this.workspace = workspace;
  }

  /** The reporting currency's ISO 4217 code; {@code USD} by default. */
  public String getReportingCurrency() {
    return reportingCurrency;
  }

  /** Sets {@link #getReportingCurrency()}. */
  public void setReportingCurrency(String reportingCurrency) {
    this.reportingCurrency = reportingCurrency;
  }

  /** The {@code pipeline.access.*} settings; never null. */
  public Access getAccess() {
    return access;
  }

  /**
   * The {@code pipeline.access.*} settings: how a principal's view ({@code
   * SalesPipeline.as(principal)}) answers for deals it may not view. The policy itself is the
   * application's {@code AccessPolicy} bean. Mutable, as Spring binds it.
   */
  public static class Access {
    /**
     * How a principal's view answers for a deal that exists but that it may not view: NOT_FOUND (as
     * if the deal did not exist; the engine's default when unset) or DENIED (an access refusal
     * naming VIEW). Unset leaves the engine's builder alone, so a SalesPipelineCustomizer may set
     * it instead.
     */
    private InvisibleDeals invisibleDeals;

    /** Spring creates this. */
    public Access() {}

    /** The answer for an invisible deal; null when unset (the engine's default, NOT_FOUND). */
    public InvisibleDeals getInvisibleDeals() {
      return invisibleDeals;
    }

    /** Sets {@link #getInvisibleDeals()}. */
    public void setInvisibleDeals(InvisibleDeals invisibleDeals) {
      this.invisibleDeals = invisibleDeals;
    }
  }
}
