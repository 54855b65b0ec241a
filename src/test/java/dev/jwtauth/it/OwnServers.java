package dev.jwtauth.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * A test class that starts servers of its own and does not use the shared service: it runs beside
 * the shared service's classes, which run one after another (the failsafe configuration allows two
 * at a time). Its own tests still run one after another, in order: the lock named after the class
 * keeps them on one thread. The two lanes win back the time one server spends booting while the
 * other answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = OwnServers.ClassLock.class)
@interface OwnServers {

  /** A lock of the class alone: its tests in sequence, other classes free to run beside it. */
  final class ClassLock implements ResourceLocksProvider {
    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
      return Set.of(new Lock(testClass.getName()));
    }
  }
}
