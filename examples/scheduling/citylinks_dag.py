"""citylinks on Apache Airflow: the nightly incremental run and the weekly table maintenance.

Needs apache-airflow-providers-apache-spark and a Spark connection (conn_id "spark_default":
master, e.g. spark://host:7077 or yarn; deploy mode client). Build the jar once on the Airflow
worker with `mvn -Pcluster package -DskipTests` (or `jobs/submit --help`, which builds it): it
bundles Delta and citylinks' libraries, Spark itself comes from the cluster.

Exit codes (README.md, "Exit codes"; `jobs/nightly --help`). SparkSubmitOperator fails the task
when spark-submit exits non-zero; in client deploy mode the driver runs inside spark-submit, so
its exit code is the job's (in cluster mode only "failed" survives, the code itself is lost).
A 4 (done, but some records were rejected; the tables are written) fails the task too.
The retries below are meant for 1 and 5 (warehouse busy); a 2 (bad arguments or configuration)
or 3 (input missing) fails again until someone fixes the cause.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

CITYLINKS_HOME = "/opt/citylinks"
CITYLINKS_JAR = f"{CITYLINKS_HOME}/target/citylinks-cluster.jar"
NEWS_INPUT = "hdfs:///data/news"
WAREHOUSE = "/data/citylinks/warehouse"

# Spark's --add-opens list for Java 17, the same as CITYLINKS_JAVA_OPENS in jobs/lib.sh.
JAVA_OPENS = " ".join([
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
    "-Djdk.reflect.useDirectMethodHandle=false",
])
SPARK_CONF = {
    "spark.driver.extraJavaOptions": JAVA_OPENS,
    "spark.executor.extraJavaOptions": JAVA_OPENS,
}

DEFAULT_ARGS = {
    "owner": "citylinks",
    "retries": 2,
    "retry_delay": timedelta(minutes=30),
}

# Both DAGs use the same warehouse, whose metastore admits one process at a time: they share a
# pool of one slot ("citylinks", create it under Admin > Pools), so a maintenance run waits for a
# nightly run that is still going instead of failing.
with DAG(
    dag_id="citylinks_nightly",
    description="Read what is new under NEWS_INPUT into the citylinks tables",
    schedule="15 2 * * *",
    start_date=datetime(2025, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["citylinks"],
) as nightly_dag:
    SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_default",
        application=CITYLINKS_JAR,
        java_class="io.citylinks.cli.Main",
        name="citylinks-nightly",
        conf=SPARK_CONF,
        application_args=["nightly", "--input", NEWS_INPUT, "--warehouse", WAREHOUSE],
        pool="citylinks",
        execution_timeout=timedelta(hours=6),
    )

with DAG(
    dag_id="citylinks_maintain",
    description="Compact the Delta tables, delete files unreferenced for 7 days, refresh stats",
    schedule="0 4 * * 0",
    start_date=datetime(2025, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["citylinks"],
) as maintain_dag:
    SparkSubmitOperator(
        task_id="maintain",
        conn_id="spark_default",
        application=CITYLINKS_JAR,
        java_class="io.citylinks.cli.Main",
        name="citylinks-maintain",
        conf=SPARK_CONF,
        application_args=["maintain", "--warehouse", WAREHOUSE],
        pool="citylinks",
        execution_timeout=timedelta(hours=3),
    )
