package org.salespipeline.spring.boot;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the bean definition of a Jackson module by class name, with its real class, so that
 * Boot's JSON auto-configuration finds it by type without this module compiling against it.
 */
final class Jackson3Module implements ImportBeanDefinitionRegistrar {
  static final String CLASS_NAME = "org.salespipeline.jackson3.SalesPipelineJackson3Module";
  static final String BEAN_NAME = "salesPipelineJackson3Module";

  @Override
  public void registerBeanDefinitions(
      AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
    register(registry, CLASS_NAME, getClass().getClassLoader());
  }

  /** Registers the class under {@link #BEAN_NAME} unless a bean of that name exists. */
  static void register(BeanDefinitionRegistry registry, String className, ClassLoader loader) {
    if (registry.containsBeanDefinition(BEAN_NAME)) {
      return;
    }
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      return; // why: the condition saw it; a class loader that cannot load it has nothing to add
    }
    registry.registerBeanDefinition(BEAN_NAME, new RootBeanDefinition(type));
  }
}
