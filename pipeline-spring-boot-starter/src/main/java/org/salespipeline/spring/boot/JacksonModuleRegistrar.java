package org.salespipeline.spring.boot;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the bean definition of a Jackson module by class name, with its real class, so that
 * Boot's JSON auto-configuration finds it by type without this module compiling against it.
 */
abstract class JacksonModuleRegistrar implements ImportBeanDefinitionRegistrar {
  private final String beanName;
  private final String className;

  JacksonModuleRegistrar(String beanName, String className) {
    this.beanName = beanName;
    this.className = className;
  }

  @Override
  public void registerBeanDefinitions(
      AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
    register(registry, beanName, className, getClass().getClassLoader());
  }

  /** Registers the class under {@code beanName} unless a bean of that name exists. */
  static void register(
      BeanDefinitionRegistry registry, String beanName, String className, ClassLoader loader) {
    if (registry.containsBeanDefinition(beanName)) {
      return;
    }
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      return; // why: the condition saw it; a class loader that cannot load it has nothing to add
    }
    registry.registerBeanDefinition(beanName, new RootBeanDefinition(type));
  }
}
