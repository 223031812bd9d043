# Shared by the launchers in jobs/ (sourced, not run): locates the project, builds it on first use
# or when sources changed, and starts a JVM with Spark's Java 17 flags.
CITYLINKS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Spark's usual --add-opens list for Java 17 (the same list as Surefire's argLine in pom.xml).
CITYLINKS_JAVA_OPENS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
)

citylinks_die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# Builds target/ when it is missing or older than the sources (mvn package, tests skipped).
citylinks_ensure_built() {
  local stamp="$CITYLINKS_HOME/target/.citylinks-built"
  if [ -f "$stamp" ] && [ -f "$CITYLINKS_HOME/target/classpath.txt" ] &&
    [ -z "$(find "$CITYLINKS_HOME/src/main" "$CITYLINKS_HOME/conf" "$CITYLINKS_HOME/pom.xml" \
      -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || citylinks_die "Maven (mvn) is needed to build citylinks"
  command -v java >/dev/null 2>&1 || citylinks_die "Java 17 is needed to run citylinks"
  echo "citylinks: building (first use or sources changed): mvn package -DskipTests ..." >&2
  if ! (cd "$CITYLINKS_HOME" && mvn -B -q package -DskipTests >&2); then
    echo "citylinks: build failed (see the Maven output above)" >&2
    exit 1
  fi
  touch "$stamp"
}

# Runs io.citylinks.cli.Main with the given subcommand and arguments, replacing this shell.
citylinks_exec() {
  citylinks_ensure_built
  local cp="$CITYLINKS_HOME/target/classes:$(cat "$CITYLINKS_HOME/target/classpath.txt")"
  exec java "${CITYLINKS_JAVA_OPENS[@]}" \
    -Xmx"${CITYLINKS_DRIVER_MEMORY:-4g}" \
    -Dlog4j.configurationFile="${CITYLINKS_LOG4J:-$CITYLINKS_HOME/conf/log4j2.properties}" \
    -Dcitylinks.conf.dir="${CITYLINKS_CONF_DIR:-$CITYLINKS_HOME/conf}" \
    ${CITYLINKS_JAVA_OPTS:-} \
    -cp "$cp" io.citylinks.cli.Main "$@"
}
