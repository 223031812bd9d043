-- Questions analysts ask of the citylinks tables. Run them all with
--   jobs/sql -f examples/queries/analyst-questions.sql
-- or paste one into `jobs/sql`, beeline or DBeaver (jdbc:hive2://127.0.0.1:10000/citylinks).
-- Table names are unqualified: jobs/sql and that JDBC URL start in the citylinks database.

-- 1. Top country pairs per year: the 5 pairs with most partnership events each year.
--    (Counted from partnership_events, where each event is one row; the aggregate table
--    counts an event once per topic.)
SELECT year, country_a, country_b, events, city_pairs, articles
FROM (
  SELECT year, country_a, country_b,
         count(*) AS events,
         count(DISTINCT geoname_id_a, geoname_id_b) AS city_pairs,
         sum(num_articles) AS articles,
         row_number() OVER (PARTITION BY year
                            ORDER BY count(*) DESC, country_a, country_b) AS rank
  FROM partnership_events
  WHERE year IS NOT NULL
  GROUP BY year, country_a, country_b
)
WHERE rank <= 5
ORDER BY year DESC, rank;

-- 2. Topics trend: events per topic and year (an event with two topics counts for both).
SELECT year, topic, sum(num_events) AS events, sum(num_articles) AS articles
FROM partnerships_by_country_pair_topic_year
WHERE year IS NOT NULL
GROUP BY year, topic
ORDER BY year, events DESC, topic;

-- 3. Which cities partner most: events and distinct partners of each city, either side.
SELECT city, country, count(*) AS events, count(DISTINCT partner_id) AS partners,
       sum(num_articles) AS articles
FROM (
  SELECT city_a AS city, country_a AS country, geoname_id_b AS partner_id, num_articles
  FROM partnership_events
  UNION ALL
  SELECT city_b, country_b, geoname_id_a, num_articles
  FROM partnership_events
)
GROUP BY city, country
ORDER BY events DESC, partners DESC, city
LIMIT 20;

-- 4. The evidence behind one aggregate row: aggregate -> events -> mentions -> articles.
--    Here the row with most events; put your own country pair, topic and year in `picked`.
WITH picked AS (
  SELECT country_a, country_b, topic, year
  FROM partnerships_by_country_pair_topic_year
  ORDER BY num_events DESC, num_articles DESC, country_a, country_b, topic, year
  LIMIT 1
),
events AS (
  SELECT e.*
  FROM partnership_events e
  JOIN picked p
    ON e.country_a = p.country_a AND e.country_b = p.country_b
   AND e.year <=> p.year
   AND (array_contains(e.topics, p.topic) OR (p.topic = 'general' AND size(e.topics) = 0))
)
SELECT e.event_id, e.city_a, e.city_b, e.type, e.year,
       a.published_date, a.domain, a.url, m.evidence
FROM events e
JOIN partnership_mentions m ON m.event_id = e.event_id
JOIN articles a ON a.article_id = m.article_id
ORDER BY e.event_id, a.published_date, a.article_id;

-- 5. Runs: what each run read and wrote (the newest first).
SELECT run_id, mode, status, started_at, input_files, records_read, records_rejected,
       articles_new, duplicates, events
FROM runs
ORDER BY started_at DESC;
