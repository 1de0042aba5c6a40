package dev.indexlab.advise;

import java.nio.file.Path;

/** A candidate's replacement route file: {@code file} replaces route {@code routeId}. */
public record RouteRewrite(String routeId, Path file) {}
