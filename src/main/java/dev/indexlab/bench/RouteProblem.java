package dev.indexlab.bench;

/**
 * A route that could not be measured. {@code stage} says where it failed: {@code parse} (the route
 * file), {@code unknown} (a {@code --routes} name that is no route), {@code sample} or {@code
 * preflight} (its parameters or its one trial invocation, rolled back), or {@code jmh} (during
 * measurement). {@code message} names the file and line where there is one, and carries the
 * server's message.
 */
public record RouteProblem(String route, String stage, String message) {}
