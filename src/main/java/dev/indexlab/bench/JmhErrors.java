package dev.indexlab.bench;

import dev.indexlab.db.Secrets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds the message worth printing in what JMH throws: its {@code RunnerException} wraps a {@code
 * BenchmarkException} whose causes and suppressed exceptions hold the benchmark's own failure (for
 * a route, a {@code RouteFailure} naming the file, line and server message).
 */
public final class JmhErrors {
  private JmhErrors() {}

  /** The deepest message in {@code t}'s causes and suppressed exceptions, on one line. */
  public static String describe(Throwable t) {
    Deque<Throwable> todo = new ArrayDeque<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    todo.add(t);
    String best = null;
    while (!todo.isEmpty()) {
      Throwable x = todo.poll();
      if (seen.put(x, Boolean.TRUE) != null) {
        continue;
      }
      String m = x.getMessage();
      if (m != null && !m.isBlank() && !isJmhWrapper(m)) {
        best = x.getClass().getSimpleName() + ": " + m;
      }
      if (x.getCause() != null) {
        todo.add(x.getCause());
      }
      for (Throwable s : x.getSuppressed()) {
        todo.add(s);
      }
    }
    if (best == null) {
      best = t.toString();
    }
    return Secrets.maskAll(best.replaceAll("\\s*\\R\\s*", " "));
  }

  private static boolean isJmhWrapper(String message) {
    return message.startsWith("Benchmark caught the exception")
        || message.startsWith("Benchmark had encountered error")
        || message.startsWith("<failure>");
  }
}
