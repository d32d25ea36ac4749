package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/** A theme added to the package but not to {@link PipelineStoreContract} would run nowhere. */
class PipelineStoreContractThemesTest {

  @Test
  void theWholeContractRunsEveryThemeOfThePackage() {
    List<Class<?>> themes =
        ReflectionSupport.findAllClassesInPackage(
            PipelineStoreContract.class.getPackageName(),
            type ->
                type.isInterface()
                    && Modifier.isPublic(type.getModifiers())
                    && type != StoreUnderTest.class
                    && StoreUnderTest.class.isAssignableFrom(type),
            name -> true);

    assertThat(themes).contains(DealCommitContract.class, ActionChainContract.class);
    assertThat(themes)
        .allSatisfy(theme -> assertThat(theme).isAssignableFrom(PipelineStoreContract.class));
  }
}
