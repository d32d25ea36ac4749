package org.salespipeline.spring.boot;

import java.time.Clock;
import javax.sql.DataSource;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.IdGenerator;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.SalesPipelineBuilder;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.access.AccessPolicy;
import org.salespipeline.core.event.PipelineListener;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.jdbc.ConnectionProvider;
import org.salespipeline.jdbc.JdbcPipelineStore;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Configures a {@link JdbcPipelineStore} over the application's DataSource that joins
 * Spring-managed transactions, and a {@link SalesPipeline} over it whose listeners (every {@link
 * PipelineListener} bean) hear events after the host's commit only. Every bean backs off to one of
 * the host's of the same type: {@link ConnectionProvider}, {@link PipelineStore}, {@link Clock},
 * {@link IdGenerator}, {@link WorkspaceResolver}, {@link SalesPipeline}, {@link SalesPipelines}.
 * The application's {@link AccessPolicy} bean, if it declares one, is the engine's access policy
 * (none: everything allowed, as without access control). Off with {@code pipeline.enabled=false}.
 *
 * <p>Runs after Boot's DataSource auto-configuration (Boot 4 and 3 class names), so the
 * application's DataSource exists.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration"
    })
@ConditionalOnClass({SalesPipeline.class, JdbcPipelineStore.class})
@ConditionalOnProperty(prefix = "pipeline", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PipelineProperties.class)
@Import({
  SalesPipelineAutoConfiguration.Jackson3.class,
  SalesPipelineAutoConfiguration.Jackson2.class
})
public class SalesPipelineAutoConfiguration {

  /** Spring creates this; hosts do not. */
  public SalesPipelineAutoConfiguration() {}

  /**
   * Connections that join Spring-managed transactions, from the DataSource {@code
   * pipeline.data-source} names (or the only or primary one).
   */
  @Bean
  @ConditionalOnMissingBean(ConnectionProvider.class)
  public SpringTransactionConnections pipelineConnections(
      PipelineProperties properties, BeanFactory beans, ObjectProvider<DataSource> dataSources) {
    return new SpringTransactionConnections(dataSource(properties, beans, dataSources));
  }

  static DataSource dataSource(
      PipelineProperties properties, BeanFactory beans, ObjectProvider<DataSource> dataSources) {
    String name = properties.getDataSource();
    if (name != null && !name.isBlank()) {
      try {
        return beans.getBean(name, DataSource.class);
      } catch (NoSuchBeanDefinitionException e) {
        throw new ConfigurationException(
            "pipeline.data-source names the bean '"
                + name
                + "', but there is no DataSource bean of that name"
                + dataSourceNames(beans),
            e);
      }
    }
    DataSource only = dataSources.getIfUnique();
    if (only == null) {
      throw new ConfigurationException(
          "the sales pipeline needs one DataSource: there is none or several without a primary"
              + dataSourceNames(beans)
              + "; set pipeline.data-source to a bean name, declare a PipelineStore bean, or set"
              + " pipeline.enabled=false");
    }
    return only;
  }

  private static String dataSourceNames(BeanFactory beans) {
    if (beans instanceof ListableBeanFactory listable) {
      return " (DataSource beans: "
          + String.join(", ", listable.getBeanNamesForType(DataSource.class))
          + ")";
    }
    return "";
  }

  /**
   * The JDBC store over the connections, with {@code pipeline.schema-mode} and {@code
   * pipeline.table-prefix}; built (and the schema migrated) outside any transaction.
   */
  @Bean
  @ConditionalOnMissingBean(PipelineStore.class)
  public JdbcPipelineStore pipelineStore(
      PipelineProperties properties, ConnectionProvider pipelineConnections) {
    return JdbcPipelineStore.builder(pipelineConnections)
        .schemaMode(properties.getSchemaMode())
        .tablePrefix(properties.getTablePrefix())
        .build();
  }

  /** The clock of the engine's events: UTC system time. */
  @Bean
  @ConditionalOnMissingBean(Clock.class)
  public Clock pipelineClock() {
    return Clock.systemUTC();
  }

  /** Time-ordered ids from the clock. */
  @Bean
  @ConditionalOnMissingBean(IdGenerator.class)
  public IdGenerator pipelineIdGenerator(Clock clock) {
    return IdGenerator.timeOrdered(clock);
  }

  /** Always {@code pipeline.workspace}. */
  @Bean
  @ConditionalOnMissingBean(WorkspaceResolver.class)
  public WorkspaceResolver pipelineWorkspaceResolver(PipelineProperties properties) {
    WorkspaceId workspace = WorkspaceId.of(properties.getWorkspace());
    return () -> workspace;
  }

  /**
   * The engine of {@code pipeline.workspace}: the store, clock and id generator beans, the
   * reporting currency, the application's {@link AccessPolicy} bean if any (several need one marked
   * primary) with {@code pipeline.access.invisible-deals} if set, every {@link PipelineListener}
   * bean, then every {@link SalesPipelineCustomizer} bean in order. A customizer that sets the
   * access policy or the invisible-deals answer again fails start-up naming the setting: give each
   * one way only.
   */
  @Bean
  @ConditionalOnMissingBean(SalesPipeline.class)
  public SalesPipeline salesPipeline(
      PipelineProperties properties,
      PipelineStore store,
      Clock clock,
      IdGenerator ids,
      ObjectProvider<AccessPolicy> accessPolicies,
      ObjectProvider<PipelineListener> listeners,
      ObjectProvider<SalesPipelineCustomizer> customizers) {
    SalesPipelineBuilder builder =
        SalesPipeline.builder()
            .store(store)
            .workspace(WorkspaceId.of(properties.getWorkspace()))
            .clock(clock)
            .idGenerator(ids)
            .reportingCurrency(properties.getReportingCurrency());
    accessPolicy(accessPolicies, beans(accessPolicies)).ifPresent(builder::accessPolicy);
    if (properties.getAccess().getInvisibleDeals() != null) {
      builder.invisibleDeals(properties.getAccess().getInvisibleDeals());
    }
    listeners.orderedStream().forEach(builder::listener);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  private static int beans(ObjectProvider<AccessPolicy> policies) {
    return (int) policies.stream().count();
  }

  /**
   * The application's access policy: the only bean, or the primary one of several; none when there
   * is no bean. Several without a primary fail naming the fix.
   */
  static java.util.Optional<AccessPolicy> accessPolicy(
      ObjectProvider<AccessPolicy> policies, int count) {
    if (count == 0) {
      return java.util.Optional.empty();
    }
    AccessPolicy unique = policies.getIfUnique();
    if (unique == null) {
      throw new ConfigurationException(
          "the sales pipeline found "
              + count
              + " AccessPolicy beans and none is primary; mark one @Primary or declare only one");
    }
    return java.util.Optional.of(unique);
  }

  /** The engines of every workspace, {@link SalesPipelines#current()} by the resolver. */
  @Bean
  @ConditionalOnMissingBean(SalesPipelines.class)
  public SalesPipelines salesPipelines(SalesPipeline salesPipeline, WorkspaceResolver resolver) {
    return new SalesPipelines(
        workspace ->
            workspace.equals(salesPipeline.workspace())
                ? salesPipeline
                : salesPipeline.forWorkspace(workspace),
        resolver);
  }

  /**
   * Registers the Jackson 3 module of {@code pipeline-jackson3} as a bean when it is on the class
   * path, so Boot's JSON mapper serializes deals, commands and events; made reflectively, so the
   * starter does not depend on that module.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = Jackson3Module.CLASS_NAME)
  @ConditionalOnMissingBean(type = Jackson3Module.CLASS_NAME)
  @Import(Jackson3Module.class)
  static class Jackson3 {}

  /**
   * Registers the Jackson 2 module of {@code pipeline-jackson} as a bean when it is on the class
   * path, for Spring Boot 3, whose {@code ObjectMapper} takes every {@code Module} bean; made
   * reflectively too.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = Jackson2Module.CLASS_NAME)
  @ConditionalOnMissingBean(type = Jackson2Module.CLASS_NAME)
  @Import(Jackson2Module.class)
  static class Jackson2 {}
}
