package org.salespipeline.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.DealId;
import org.salespipeline.core.IdGenerator;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.access.AccessDeniedException;
import org.salespipeline.core.access.AccessPolicy;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.access.Grants;
import org.salespipeline.core.access.Principal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.PipelineListener;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.jdbc.ConnectionProvider;
import org.salespipeline.jdbc.JdbcPipelineStore;
import org.salespipeline.jdbc.SchemaException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Back-off and properties of the auto-configuration, in a Spring context per case. */
class SalesPipelineAutoConfigurationTest {

  /** One of Boot's JDBC auto-configurations, by its Boot 4 or Boot 3 class name. */
  private static Class<?> boot(String simpleName) {
    for (String pkg :
        new String[] {
          "org.springframework.boot.jdbc.autoconfigure.",
          "org.springframework.boot.autoconfigure.jdbc."
        }) {
      try {
        return Class.forName(pkg + simpleName);
      } catch (ClassNotFoundException e) {
        // why: the other Boot line
      }
    }
    throw new IllegalStateException("no " + simpleName + " on the class path");
  }

  private static String h2Url() {
    return TestDatabases.H2.url();
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  boot("DataSourceAutoConfiguration"),
                  boot("DataSourceTransactionManagerAutoConfiguration"),
                  SalesPipelineAutoConfiguration.class))
          .withPropertyValues("spring.datasource.url=" + h2Url());

  @Test
  void configuresEveryBeanOverTheApplicationsDataSource() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(SpringTransactionConnections.class);
          assertThat(context).hasSingleBean(JdbcPipelineStore.class);
          assertThat(context).hasSingleBean(Clock.class);
          assertThat(context).hasSingleBean(IdGenerator.class);
          assertThat(context).hasSingleBean(WorkspaceResolver.class);
          assertThat(context).hasSingleBean(SalesPipeline.class);
          assertThat(context).hasSingleBean(SalesPipelines.class);
          assertThat(context.getBean(JdbcPipelineStore.class).tablePrefix()).isEqualTo("sp_");
          SalesPipeline pipeline = context.getBean(SalesPipeline.class);
          assertThat(pipeline.workspace()).isEqualTo(WorkspaceId.of("default"));
          assertThat(pipeline.reportingCurrency().getCurrencyCode()).isEqualTo("USD");
          assertThat(context.getBean(SalesPipelines.class).current()).isSameAs(pipeline);
        });
  }

  @Test
  void pipelineEnabledFalseConfiguresNothing() {
    runner
        .withPropertyValues("pipeline.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(SalesPipeline.class);
              assertThat(context).doesNotHaveBean(PipelineStore.class);
              assertThat(context).doesNotHaveBean(ConnectionProvider.class);
            });
  }

  @Test
  void withoutTheLibraryOnTheClassPathConfiguresNothing() {
    runner
        .withClassLoader(new FilteredClassLoader(JdbcPipelineStore.class))
        .run(context -> assertThat(context).doesNotHaveBean(SalesPipeline.class));
  }

  @Test
  void propertiesSetPrefixWorkspaceAndCurrency() {
    runner
        .withPropertyValues(
            "pipeline.table-prefix=acme_",
            "pipeline.workspace=acme",
            "pipeline.reporting-currency=EUR")
        .run(
            context -> {
              assertThat(context.getBean(JdbcPipelineStore.class).tablePrefix()).isEqualTo("acme_");
              SalesPipeline pipeline = context.getBean(SalesPipeline.class);
              assertThat(pipeline.workspace()).isEqualTo(WorkspaceId.of("acme"));
              assertThat(pipeline.reportingCurrency().getCurrencyCode()).isEqualTo("EUR");
              assertThat(context.getBean(WorkspaceResolver.class).currentWorkspace())
                  .isEqualTo(WorkspaceId.of("acme"));
              try (var c = context.getBean(DataSource.class).getConnection();
                  var rs = c.getMetaData().getTables(null, null, "ACME_DEALS", null)) {
                assertThat(rs.next()).isTrue();
              }
            });
  }

  @Test
  void aBadTablePrefixFailsStartUpNamingIt() {
    runner
        .withPropertyValues("pipeline.table-prefix=Robert'); DROP TABLE")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(ConfigurationException.class)
                  .hasMessageContaining("tablePrefix");
            });
  }

  @Test
  void schemaModeValidateRefusesAnEmptyDatabase() {
    runner
        .withPropertyValues("pipeline.schema-mode=validate")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(SchemaException.class);
            });
  }

  @Test
  void schemaModeNoneLeavesTheDatabaseAlone() {
    runner
        .withPropertyValues("pipeline.schema-mode=none")
        .withBean(PipelineStore.class, InMemoryPipelineStore::new) // the engine would need tables
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(JdbcPipelineStore.class);
            });
  }

  @Test
  void theHostsBeansWin() {
    Clock fixed = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    IdGenerator ids = UUID::randomUUID;
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    WorkspaceResolver resolver = () -> WorkspaceId.of("tenant-7");
    runner
        .withBean(Clock.class, () -> fixed)
        .withBean(IdGenerator.class, () -> ids)
        .withBean(PipelineStore.class, () -> store)
        .withBean(WorkspaceResolver.class, () -> resolver)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(JdbcPipelineStore.class);
              assertThat(context.getBean(Clock.class)).isSameAs(fixed);
              assertThat(context.getBean(IdGenerator.class)).isSameAs(ids);
              SalesPipeline pipeline = context.getBean(SalesPipeline.class);
              assertThat(pipeline.clock()).isSameAs(fixed);
              assertThat(pipeline.store().workspaceId()).isEqualTo(WorkspaceId.of("default"));
              SalesPipeline current = context.getBean(SalesPipelines.class).current();
              assertThat(current.workspace()).isEqualTo(WorkspaceId.of("tenant-7"));
              assertThat(context.getBean(SalesPipelines.class).current()).isSameAs(current);
            });
  }

  @Test
  void aHostsSalesPipelineAndConnectionProviderWin() {
    runner
        .withUserConfiguration(OwnPipeline.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SalesPipeline.class);
              assertThat(context.getBean(SalesPipeline.class))
                  .isSameAs(context.getBean(OwnPipeline.class).pipeline);
              assertThat(context).doesNotHaveBean(SpringTransactionConnections.class);
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnPipeline {
    final SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .workspace(WorkspaceId.of("own"))
            .build();

    @Bean
    SalesPipeline ownPipeline() {
      return pipeline;
    }

    @Bean
    ConnectionProvider ownConnections(DataSource dataSource) {
      return ConnectionProvider.of(dataSource);
    }
  }

  @Test
  void listenersAndCustomizersAreApplied() {
    List<List<DealEvent>> heard = new CopyOnWriteArrayList<>();
    runner
        .withBean(PipelineListener.class, () -> heard::add)
        .withBean(
            SalesPipelineCustomizer.class, () -> b -> b.pipeline(StandardPipelines.renewals()))
        .run(
            context -> {
              SalesPipeline pipeline = context.getBean(SalesPipeline.class);
              assertThat(pipeline.defaultPipeline().id()).isEqualTo(StandardPipelines.RENEWALS);
              assertThat(pipeline.pipelines()).hasSize(1);
              pipeline.openDeal(
                  OpenDeal.builder()
                      .name("Heard outside any transaction")
                      .owner(UserId.of("rep"))
                      .actor(UserId.of("rep"))
                      .amount(Money.of(10, "USD"))
                      .expectedCloseDate(LocalDate.now().plusDays(10))
                      .build());
              assertThat(heard).hasSize(1);
            });
  }

  private static DealId openBobsDeal(SalesPipeline pipeline) {
    return pipeline
        .openDeal(
            OpenDeal.builder()
                .name("Bob's deal")
                .owner(UserId.of("bob"))
                .actor(UserId.of("bob"))
                .amount(Money.of(10, "USD"))
                .expectedCloseDate(LocalDate.now().plusDays(10))
                .build())
        .deal()
        .id();
  }

  /** Each principal sees only its own deals: a policy of owners only. */
  private static final AccessPolicy OWNERS_ONLY = Grants.builder().build();

  @Test
  void theHostsAccessPolicyBeanGovernsEveryPrincipalsView() {
    runner
        .withBean(PipelineStore.class, InMemoryPipelineStore::new)
        .withBean(AccessPolicy.class, () -> OWNERS_ONLY)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SalesPipeline pipeline = context.getBean(SalesPipeline.class);
              DealId bobs = openBobsDeal(pipeline);
              assertThat(pipeline.as(Principal.of(UserId.of("bob"))).deal(bobs)).isPresent();
              assertThat(pipeline.as(Principal.of(UserId.of("alice"))).deal(bobs))
                  .as("not found, the default answer")
                  .isEmpty();
              assertThat(
                      context
                          .getBean(SalesPipelines.class)
                          .current()
                          .as(Principal.of(UserId.of("alice")))
                          .deal(bobs))
                  .isEmpty();
            });
  }

  @Test
  void invisibleDealsDeniedRefusesInsteadOfHiding() {
    runner
        .withBean(PipelineStore.class, InMemoryPipelineStore::new)
        .withBean(AccessPolicy.class, () -> OWNERS_ONLY)
        .withPropertyValues("pipeline.access.invisible-deals=denied")
        .run(
            context -> {
              SalesPipeline pipeline = context.getBean(SalesPipeline.class);
              DealId bobs = openBobsDeal(pipeline);
              assertThatThrownBy(() -> pipeline.as(Principal.of(UserId.of("alice"))).deal(bobs))
                  .isInstanceOfSatisfying(
                      AccessDeniedException.class,
                      e -> assertThat(e.action()).isEqualTo(Action.VIEW));
            });
  }

  @Test
  void withoutAnAccessPolicyBeanEveryPrincipalSeesEverything() {
    runner
        .withBean(PipelineStore.class, InMemoryPipelineStore::new)
        .withPropertyValues("pipeline.access.invisible-deals=not-found")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SalesPipeline pipeline = context.getBean(SalesPipeline.class);
              DealId bobs = openBobsDeal(pipeline);
              assertThat(pipeline.as(Principal.of(UserId.of("alice"))).deal(bobs)).isPresent();
            });
  }

  @Test
  void aHostsSalesPipelineWinsOverTheAccessSettings() {
    runner
        .withUserConfiguration(OwnPipeline.class)
        .withBean(AccessPolicy.class, () -> OWNERS_ONLY)
        .withPropertyValues("pipeline.access.invisible-deals=denied")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SalesPipeline own = context.getBean(OwnPipeline.class).pipeline;
              assertThat(context.getBean(SalesPipeline.class)).isSameAs(own);
              DealId bobs = openBobsDeal(own);
              assertThat(own.as(Principal.of(UserId.of("alice"))).deal(bobs))
                  .as("the host's engine keeps its own (allow-all) policy")
                  .isPresent();
            });
  }

  @Test
  void anUnknownInvisibleDealsValueFailsStartUpNamingTheProperty() {
    runner
        .withBean(PipelineStore.class, InMemoryPipelineStore::new)
        .withPropertyValues("pipeline.access.invisible-deals=hidden")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .hasStackTraceContaining("pipeline.access.invisible-deals");
            });
  }

  @Test
  void twoAccessPoliciesWithoutAPrimaryFailStartUpSayingWhatToDo() {
    runner
        .withBean(PipelineStore.class, InMemoryPipelineStore::new)
        .withBean("ownersOnly", AccessPolicy.class, () -> OWNERS_ONLY)
        .withBean("everything", AccessPolicy.class, AccessPolicy::allowAll)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(ConfigurationException.class)
                  .hasMessageContaining("2 AccessPolicy beans")
                  .hasMessageContaining("@Primary");
            });
  }

  @Test
  void aCustomizerSettingThePolicyAgainFailsStartUpNamingTheSetting() {
    runner
        .withBean(PipelineStore.class, InMemoryPipelineStore::new)
        .withBean(AccessPolicy.class, () -> OWNERS_ONLY)
        .withBean(SalesPipelineCustomizer.class, () -> b -> b.accessPolicy(AccessPolicy.allowAll()))
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(ConfigurationException.class)
                  .hasMessageContaining("accessPolicy was already set");
            });
  }

  @Test
  void pipelineDataSourceChoosesTheNamedBean() {
    String pipelineUrl = h2Url();
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                boot("DataSourceTransactionManagerAutoConfiguration"),
                SalesPipelineAutoConfiguration.class))
        .withUserConfiguration(TwoDataSources.class)
        .withPropertyValues(
            "pipeline.data-source=pipelineDataSource", "test.pipeline-url=" + pipelineUrl)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              DataSource chosen = context.getBean("pipelineDataSource", DataSource.class);
              try (var c = chosen.getConnection();
                  var rs = c.getMetaData().getTables(null, null, "SP_DEALS", null)) {
                assertThat(rs.next()).isTrue();
              }
              DataSource main = context.getBean("mainDataSource", DataSource.class);
              try (var c = main.getConnection();
                  var rs = c.getMetaData().getTables(null, null, "SP_DEALS", null)) {
                assertThat(rs.next()).isFalse();
              }
            });
  }

  @Test
  void anUnknownDataSourceNameFailsStartUpListingTheBeans() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SalesPipelineAutoConfiguration.class))
        .withUserConfiguration(TwoDataSources.class)
        .withPropertyValues("pipeline.data-source=nope", "test.pipeline-url=" + h2Url())
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .hasStackTraceContaining("pipeline.data-source names the bean 'nope'")
                  .hasStackTraceContaining("mainDataSource, pipelineDataSource");
            });
  }

  @Test
  void noDataSourceFailsStartUpSayingWhatToDo() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SalesPipelineAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(ConfigurationException.class)
                  .hasMessageContaining("pipeline.enabled=false");
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoDataSources {
    @Bean
    @Primary
    DataSource mainDataSource() {
      return DataSourceBuilder.create().url(h2Url()).build();
    }

    @Bean
    DataSource pipelineDataSource(org.springframework.core.env.Environment environment) {
      return DataSourceBuilder.create().url(environment.getProperty("test.pipeline-url")).build();
    }
  }

  @Test
  void theJacksonModulesAreNotRegisteredWithoutTheirClasses() {
    runner
        .withClassLoader(
            new FilteredClassLoader("org.salespipeline.jackson3", "org.salespipeline.jackson."))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(Jackson3Module.BEAN_NAME);
              assertThat(context).doesNotHaveBean(Jackson2Module.BEAN_NAME);
            });
  }

  @Test
  void bothJacksonModulesAreBeansWhenOnTheClassPath() {
    runner.run(
        context -> {
          assertThat(context.getBean(Jackson3Module.BEAN_NAME))
              .isInstanceOf(org.salespipeline.jackson3.SalesPipelineJackson3Module.class);
          assertThat(context.getBean(Jackson2Module.BEAN_NAME))
              .isInstanceOf(org.salespipeline.jackson.SalesPipelineModule.class);
        });
  }

  @Test
  void aHostsOwnModuleBeanIsKept() {
    runner
        .withBean(
            "mine",
            org.salespipeline.jackson.SalesPipelineModule.class,
            org.salespipeline.jackson.SalesPipelineModule::new)
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(org.salespipeline.jackson.SalesPipelineModule.class);
              assertThat(context).doesNotHaveBean(Jackson2Module.BEAN_NAME);
            });
  }

  /** Boot 3's JSON auto-configuration, or null on Boot 4 (where it is Jackson 3's). */
  private static Class<?> bootThreeJackson() {
    try {
      return Class.forName(
          "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration");
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  @Test
  void onBootThreeTheObjectMapperWritesDealsWithTheModule() {
    Class<?> jackson = bootThreeJackson();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        jackson != null, "Boot 3 line only (-Pboot3); Boot 4 is JsonControllerTest");
    runner
        .withConfiguration(AutoConfigurations.of(jackson))
        .run(
            context -> {
              com.fasterxml.jackson.databind.ObjectMapper mapper =
                  context.getBean(com.fasterxml.jackson.databind.ObjectMapper.class);
              assertThat(mapper.getRegisteredModuleIds())
                  .contains(new org.salespipeline.jackson.SalesPipelineModule().getTypeId());
              assertThat(mapper.writeValueAsString(Money.of("12.50", "EUR")))
                  .isEqualTo("{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
            });
  }

  /** Stands in for a Jackson module class in the registrar test. */
  public static final class FakeModule {}

  @Test
  void theRegistrarMakesABeanOfTheNamedClass() {
    DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
    JacksonModuleRegistrar.register(
        registry,
        Jackson3Module.BEAN_NAME,
        FakeModule.class.getName(),
        getClass().getClassLoader());
    assertThat(registry.getBean(Jackson3Module.BEAN_NAME)).isInstanceOf(FakeModule.class);
    assertThat(registry.getBeanNamesForType(FakeModule.class))
        .containsExactly(Jackson3Module.BEAN_NAME);
  }
}
