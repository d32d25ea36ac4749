package org.salespipeline.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.salespipeline.core.Deal;
import org.salespipeline.forecast.ForecastTable;

/**
 * Every public type of {@code pipeline-core} and {@code pipeline-forecast} outside {@code internal}
 * packages, found by listing their class files, so a type added later is seen.
 */
public final class PublicTypes {
  private PublicTypes() {}

  /** The public types, nested public types included, sorted by name. */
  public static List<Class<?>> all() {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> anchor : List.of(Deal.class, ForecastTable.class)) {
      out.addAll(scan(anchor));
    }
    out.sort(Comparator.comparing(Class::getName));
    return out;
  }

  private static List<Class<?>> scan(Class<?> anchor) {
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        return classes(location, anchor);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return classes(jar.getPath("/"), anchor);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Class<?>> classes(Path root, Class<?> anchor) throws IOException {
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (!name.endsWith(".class")
            || name.contains("/internal/")
            || name.endsWith("-info.class")) {
          continue;
        }
        String className = name.substring(0, name.length() - 6).replace('/', '.');
        if (!className.startsWith("org.salespipeline.")) {
          continue;
        }
        Class<?> c;
        try {
          c = Class.forName(className, false, anchor.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
        if (isPublicApi(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static boolean isPublicApi(Class<?> c) {
    if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
      return false;
    }
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
