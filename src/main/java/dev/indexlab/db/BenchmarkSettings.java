package dev.indexlab.db;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server settings indexlab applies to the PostgreSQL it starts. Each one trades durability (the
 * data is disposable, regenerated from a seed) or background activity for measurements that repeat;
 * the planner's cost settings are left at their defaults so plans match what a stock server
 * chooses. README's "Server settings" section explains each line.
 */
public final class BenchmarkSettings {
  private BenchmarkSettings() {}

  /** The settings, in the order README documents them. */
  public static Map<String, String> forEmbedded() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("shared_buffers", "1GB");
    s.put("work_mem", "16MB");
    s.put("maintenance_work_mem", "512MB");
    s.put("effective_cache_size", "4GB");
    s.put("fsync", "off");
    s.put("synchronous_commit", "off");
    s.put("full_page_writes", "off");
    s.put("wal_level", "minimal");
    s.put("max_wal_senders", "0");
    s.put("max_wal_size", "8GB");
    s.put("checkpoint_timeout", "1h");
    s.put("autovacuum", "off");
    s.put("jit", "off");
    s.put("track_io_timing", "on");
    s.put("max_connections", "100");
    s.put("logging_collector", "off");
    s.put("log_min_messages", "warning");
    s.put("listen_addresses", "127.0.0.1");
    return s;
  }
}
