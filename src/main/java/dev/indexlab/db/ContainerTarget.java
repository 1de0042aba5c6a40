package dev.indexlab.db;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** A PostgreSQL container started through Testcontainers; it is removed when closed. */
final class ContainerTarget implements DatabaseTarget {
  /** The image used when {@code --db testcontainers} names none and no --pg-version is given. */
  public static final String DEFAULT_IMAGE = PgVersion.DEFAULT.image();

  private final PostgreSQLContainer<?> container;
  private final Map<String, String> settings;

  private ContainerTarget(PostgreSQLContainer<?> container, Map<String, String> settings) {
    this.container = container;
    this.settings = settings;
  }

  /** True when a Docker engine answers; Testcontainers needs one. */
  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Starts {@code image} with the benchmark settings passed as {@code -c} server flags. */
  public static ContainerTarget start(String image) {
    if (!dockerAvailable()) {
      throw new IndexlabException(
          1,
          Setting.DB
              + " testcontainers:"
              + image
              + ": no Docker engine is reachable from this machine");
    }
    Map<String, String> settings = BenchmarkSettings.forEmbedded();
    List<String> command = new ArrayList<>();
    command.add("postgres");
    settings.forEach(
        (k, v) -> {
          if (!k.equals("listen_addresses")) {
            command.add("-c");
            command.add(k + "=" + v);
          }
        });
    @SuppressWarnings("resource")
    PostgreSQLContainer<?> container =
        new PostgreSQLContainer<>(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
            .withCommand(command.toArray(String[]::new));
    try {
      container.start();
    } catch (RuntimeException e) {
      container.close();
      throw new IndexlabException(1, "container " + image + " did not start: " + e.getMessage(), e);
    }
    return new ContainerTarget(container, settings);
  }

  @Override
  public String kind() {
    return "testcontainers";
  }

  @Override
  public String description() {
    return "Testcontainers " + container.getDockerImageName() + " at " + container.getJdbcUrl();
  }

  @Override
  public ConnectionSpec connection() {
    return new ConnectionSpec(
        container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  @Override
  public boolean ownsServer() {
    return true;
  }

  @Override
  public Map<String, String> appliedSettings() {
    return settings;
  }

  @Override
  public void close() {
    container.close();
  }
}
