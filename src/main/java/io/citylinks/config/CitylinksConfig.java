package io.citylinks.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The typed, validated configuration of a citylinks job, built once at start from the packaged
 * defaults ({@code conf/citylinks.conf}), an optional user file and {@code key=value} overrides.
 */
public final class CitylinksConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DEFAULTS_RESOURCE = "conf/citylinks.conf";
  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String warehouse;
  private final OutputFormat format;
  private final String database;
  private final String sparkMaster;
  private final String appName;
  private final Map<String, String> sparkConf;
  private final IngestSettings ingest;
  private final ExtractSettings extract;
  private final DedupSettings dedup;
  private final String rendered;

  private CitylinksConfig(Config root) {
    Config c = root.getConfig("citylinks");
    this.warehouse = Paths.get(requireText(c, "warehouse")).toAbsolutePath().normalize().toString();
    this.format = OutputFormat.parse(requireText(c, "format"));
    this.database = requireText(c, "database");
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "citylinks.database: '" + database + "' is not a valid database name");
    }
    this.sparkMaster = requireText(c, "spark.master");
    this.appName = requireText(c, "spark.app-name");
    Map<String, String> conf = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> e : c.getConfig("spark.conf").entrySet()) {
      // Spark keys contain dots; HOCON quotes them in the path, so strip the quotes back off.
      conf.put(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped()));
    }
    this.sparkConf = Collections.unmodifiableMap(conf);
    this.ingest = IngestSettings.from(c.getConfig("ingest"));
    this.extract = ExtractSettings.from(c.getConfig("extract"));
    this.dedup = DedupSettings.from(c.getConfig("dedup"));
    this.rendered =
        c.root().render(ConfigRenderOptions.concise().setFormatted(false).setJson(false));
  }

  /**
   * Loads the configuration. Precedence, lowest first: packaged defaults, {@code userFile},
   * {@code overrides} ({@code key=value}, the key relative to {@code citylinks.} or absolute).
   */
  public static CitylinksConfig load(Path userFile, List<String> overrides) {
    Config config = ConfigFactory.parseResources(DEFAULTS_RESOURCE,
        ConfigParseOptions.defaults().setAllowMissing(false));
    if (userFile != null) {
      if (!Files.isRegularFile(userFile)) {
        throw new IllegalArgumentException("--conf: file not found: " + userFile);
      }
      config = ConfigFactory.parseFile(userFile.toFile(),
          ConfigParseOptions.defaults().setAllowMissing(false)).withFallback(config);
    }
    for (String override : overrides == null ? List.<String>of() : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--set: expected key=value, got '" + override + "'");
      }
      String key = override.substring(0, eq).trim();
      String value = override.substring(eq + 1).trim();
      if (!key.startsWith("citylinks.")) {
        key = "citylinks." + key;
      }
      try {
        config = ConfigFactory.parseString(key + " = " + quoteIfNeeded(value)).withFallback(config);
      } catch (ConfigException e) {
        throw new IllegalArgumentException("--set " + override + ": " + e.getMessage(), e);
      }
    }
    try {
      return new CitylinksConfig(config.resolve());
    } catch (ConfigException e) {
      throw new IllegalArgumentException("configuration: " + e.getMessage(), e);
    }
  }

  /** The packaged defaults only. */
  public static CitylinksConfig defaults() {
    return load(null, List.of());
  }

  private static String quoteIfNeeded(String value) {
    if (value.startsWith("[") || value.startsWith("{") || value.startsWith("\"")) {
      return value;
    }
    return ConfigValueFactory.fromAnyRef(value).render(ConfigRenderOptions.concise());
  }

  private static String requireText(Config c, String path) {
    String value = c.getString(path);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("citylinks." + path + " must not be empty");
    }
    return value.trim();
  }

  public String warehouse() {
    return warehouse;
  }

  public OutputFormat format() {
    return format;
  }

  public String database() {
    return database;
  }

  public String sparkMaster() {
    return sparkMaster;
  }

  public String appName() {
    return appName;
  }

  public Map<String, String> sparkConf() {
    return sparkConf;
  }

  public IngestSettings ingest() {
    return ingest;
  }

  public ExtractSettings extract() {
    return extract;
  }

  public DedupSettings dedup() {
    return dedup;
  }

  /** The effective values, for the log line written once at start. */
  public String describe() {
    return rendered;
  }

  /** The metastore (embedded Derby) lives beside the tables, so a warehouse is self-contained. */
  public String metastoreDir() {
    return warehouse + File.separator + "_metastore";
  }

}
