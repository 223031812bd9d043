package io.citylinks.cli;

import io.citylinks.config.CitylinksConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every job shares; they become the highest-precedence configuration overrides. */
public final class ConfigOptions {
  @Option(names = "--warehouse", paramLabel = "DIR",
      description = "Directory of the tables and their metastore (default: ./warehouse).")
  String warehouse;

  @Option(names = "--conf", paramLabel = "FILE",
      description = "HOCON file overriding conf/citylinks.conf.")
  Path confFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set ingest.min-text-chars=50 (repeatable).")
  List<String> sets = new ArrayList<>();

  public CitylinksConfig load() {
    return load(null);
  }

  /** Packaged defaults < --conf FILE < --set < --warehouse and the job's --format. */
  public CitylinksConfig load(String format) {
    List<String> overrides = new ArrayList<>(sets);
    if (warehouse != null) {
      overrides.add("warehouse=" + warehouse);
    }
    if (format != null) {
      io.citylinks.config.OutputFormat.parse(format); // fail with the flag's own message
      overrides.add("format=" + format);
    }
    return CitylinksConfig.load(confFile, overrides);
  }
}
