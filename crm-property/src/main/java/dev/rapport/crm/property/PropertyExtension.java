package dev.rapport.crm.property;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs {@link Property @Property} methods: JUnit resolves {@link ForAll @ForAll} parameters to
 * placeholders, then this extension skips the single normal invocation and instead invokes the
 * method once per try with generated arguments.
 */
final class PropertyExtension implements ParameterResolver, InvocationInterceptor {

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.isAnnotated(ForAll.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0.0;
    }
    if (type == float.class) {
      return 0.0f;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == short.class) {
      return (short) 0;
    }
    return 0;
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    Method method = invocationContext.getExecutable();
    Property property = findProperty(method);
    if (property == null) {
      invocation.proceed();
      return;
    }
    invocation.skip();
    Object target = invocationContext.getTarget().orElse(null);
    Class<?> testClass = extensionContext.getRequiredTestClass();
    Parameter[] parameters = method.getParameters();
    List<Object> base = invocationContext.getArguments();
    int[] generated = new int[parameters.length];
    List<Gen<?>> gens = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < parameters.length; i++) {
      ForAll forAll = parameters[i].getAnnotation(ForAll.class);
      if (forAll != null) {
        generated[count++] = i;
        gens.add(generatorFor(parameters[i], forAll, testClass, target));
        names.add(parameters[i].getName());
      }
    }
    int[] indexes = Arrays.copyOf(generated, count);

    Settings settings = Settings.defaults(idOf(testClass, method)).tries(property.tries());
    if (!property.seed().isBlank()) {
      try {
        settings = settings.seed(Long.parseLong(property.seed().trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "@Property(seed = \"" + property.seed() + "\") is not a decimal long", e);
      }
    }
    if (!method.canAccess(target)) {
      method.setAccessible(true);
    }
    Engine.Trial trial =
        new Engine.Trial() {
          @Override
          public List<String> names() {
            return names;
          }

          @Override
          public void run(Source source, List<Object> shown, boolean execute) throws Throwable {
            Object[] args = base.toArray();
            for (int g = 0; g < indexes.length; g++) {
              Object value = gens.get(g).generate(source);
              args[indexes[g]] = value;
              shown.add(value);
            }
            if (execute) {
              invoke(method, target, args);
            }
          }
        };
    PropertyResult result = Engine.run(settings, trial);
    extensionContext.publishReportEntry("property", result.summary());
    if (!result.passed()) {
      throw new PropertyFailure(result);
    }
  }

  private static void invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "a generator produced a value that does not fit its parameter of " + method + ": " + e.getMessage(), e);
    }
  }

  private static Property findProperty(Method method) {
    Property direct = method.getAnnotation(Property.class);
    if (direct != null) {
      return direct;
    }
    for (Annotation annotation : method.getAnnotations()) {
      Property meta = annotation.annotationType().getAnnotation(Property.class);
      if (meta != null) {
        return meta;
      }
    }
    return null;
  }

  static String idOf(Class<?> testClass, Method method) {
    StringBuilder id = new StringBuilder(testClass.getName()).append('#').append(method.getName()).append('(');
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (i > 0) {
        id.append(',');
      }
      id.append(types[i].getSimpleName());
    }
    return id.append(')').toString();
  }

  private static Gen<?> generatorFor(Parameter parameter, ForAll forAll, Class<?> testClass, Object target) {
    if (forAll.value().isBlank()) {
      Gen<?> gen = defaultFor(parameter.getParameterizedType());
      if (gen == null) {
        throw new IllegalArgumentException(
            "no default generator for parameter '"
                + parameter.getName()
                + "' of type "
                + parameter.getParameterizedType().getTypeName()
                + "; name a method returning a Gen, as in @ForAll(\"methodName\")");
      }
      return gen;
    }
    String name = forAll.value().trim();
    // The test class and its superclasses, then (for @Nested classes) the enclosing classes,
    // whose generator methods must be static.
    List<Class<?>> owners = new ArrayList<>();
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      owners.add(c);
    }
    for (Class<?> c = testClass.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
      owners.add(c);
    }
    for (Class<?> c : owners) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == 0 && Gen.class.isAssignableFrom(m.getReturnType())) {
          boolean isStatic = Modifier.isStatic(m.getModifiers());
          if (!isStatic && (target == null || !c.isInstance(target))) {
            throw new IllegalArgumentException("generator method " + m + " must be static to be used here");
          }
          try {
            if (!m.canAccess(isStatic ? null : target)) {
              m.setAccessible(true);
            }
            Object gen = m.invoke(isStatic ? null : target);
            if (gen == null) {
              throw new IllegalArgumentException("generator method " + m + " returned null");
            }
            return (Gen<?>) gen;
          } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot call generator method " + m, e);
          } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("generator method " + m + " threw " + e.getCause(), e.getCause());
          }
        }
      }
    }
    throw new IllegalArgumentException(
        "@ForAll(\""
            + name
            + "\") on parameter '"
            + parameter.getName()
            + "': "
            + testClass.getName()
            + " has no method "
            + name
            + "() returning a Gen");
  }

  /** The generator chosen by type for a {@code @ForAll} parameter without a value, or null. */
  static Gen<?> defaultFor(Type type) {
    if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      Type raw = p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class || raw == Set.class) {
        Gen<?> element = defaultFor(args[0]);
        if (element == null) {
          return null;
        }
        return raw == List.class ? Gen.lists(element, 0, 10) : Gen.sets(element, 0, 10);
      }
      if (raw == Map.class) {
        Gen<?> key = defaultFor(args[0]);
        Gen<?> value = defaultFor(args[1]);
        return key == null || value == null ? null : Gen.maps(key, value, 0, 10);
      }
      return null;
    }
    if (!(type instanceof Class)) {
      return null;
    }
    Class<?> c = (Class<?>) type;
    if (c == int.class || c == Integer.class) {
      return Gen.integers();
    }
    if (c == long.class || c == Long.class) {
      return Gen.longs();
    }
    if (c == boolean.class || c == Boolean.class) {
      return Gen.booleans();
    }
    if (c == char.class || c == Character.class) {
      return Gen.asciiChars();
    }
    if (c == String.class) {
      return Gen.strings();
    }
    if (c == BigDecimal.class) {
      return Gen.bigDecimals(new BigDecimal("-1000000"), new BigDecimal("1000000"), 2);
    }
    if (c == LocalDate.class) {
      return Gen.dates(LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31));
    }
    if (c == Instant.class) {
      return Gen.instants(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }
    if (c.isEnum()) {
      return Gen.elements(Arrays.asList(c.getEnumConstants()));
    }
    return null;
  }
}
