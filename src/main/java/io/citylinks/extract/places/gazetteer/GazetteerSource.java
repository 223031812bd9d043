package io.citylinks.extract.places.gazetteer;

import io.citylinks.config.DataFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a {@link Gazetteer} comes from: the artifact (the copy in the jar, or a file a user built
 * with {@code jobs/build-gazetteer}) and the conf dir its overrides ({@code places/aliases.tsv})
 * and country names ({@code places/countries.tsv}) are read from. Value object: it is the key of
 * the per-JVM cache, so equal sources share one loaded gazetteer.
 *
 * @param artifact path of the artifact, or "" for the one on the classpath
 * @param confDir the {@code citylinks.conf.dir} in force when the source was made ("" if unset)
 */
public record GazetteerSource(String artifact, String confDir) {
  public GazetteerSource {
    artifact = artifact == null ? "" : artifact;
    confDir = confDir == null ? "" : confDir;
  }

  /** The artifact shipped in the jar, with the current conf dir. */
  public static GazetteerSource classpath() {
    return new GazetteerSource("", System.getProperty(DataFiles.CONF_DIR_PROPERTY, ""));
  }

  /** A user-built artifact, with the current conf dir. */
  public static GazetteerSource file(Path artifact) {
    return new GazetteerSource(artifact.toAbsolutePath().toString(),
        System.getProperty(DataFiles.CONF_DIR_PROPERTY, ""));
  }

  /** A readable name for logs and error messages. */
  public String describe() {
    return artifact.isEmpty() ? "classpath:" + GazetteerArtifact.CLASSPATH_RESOURCE : artifact;
  }

  public InputStream openArtifact() {
    try {
      if (!artifact.isEmpty()) {
        return Files.newInputStream(Path.of(artifact));
      }
      InputStream in = GazetteerSource.class.getResourceAsStream(GazetteerArtifact.CLASSPATH_RESOURCE);
      if (in == null) {
        throw new IllegalStateException("gazetteer artifact " + GazetteerArtifact.CLASSPATH_RESOURCE
            + " is not on the classpath (build it with jobs/build-gazetteer)");
      }
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open gazetteer artifact " + describe(), e);
    }
  }
}
