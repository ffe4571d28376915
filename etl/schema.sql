-- The Twinning Atlas store. Every statement is idempotent: etl/load.py runs this file on each open.

CREATE TABLE IF NOT EXISTS articles (
    article_id     VARCHAR PRIMARY KEY,  -- hash of the normalised title and body
    source_path    VARCHAR,              -- the file that last wrote the article (article_sources lists all)
    url            VARCHAR,
    title          VARCHAR,
    published_date DATE,
    date_precision VARCHAR,              -- day | month | year | NULL
    year_inferred  BOOLEAN,
    lang           VARCHAR,
    category       VARCHAR,
    body           VARCHAR,
    ingested_at    TIMESTAMP
);

-- One article reported verbatim by two sites is stored once, with one row here per file (and feed item).
CREATE TABLE IF NOT EXISTS article_sources (
    article_id  VARCHAR NOT NULL,
    source_path VARCHAR NOT NULL,
    item        INTEGER NOT NULL         -- position of the article in its file (0 for a page)
);

-- A reload skips a file whose content hash is unchanged.
CREATE TABLE IF NOT EXISTS files (
    source_path  VARCHAR PRIMARY KEY,
    content_sha1 VARCHAR NOT NULL,
    loaded_at    TIMESTAMP,
    year_option  INTEGER                 -- the --year it was read with (NULL without): another year re-reads it
);

CREATE TABLE IF NOT EXISTS related_headlines (
    article_id VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    title      VARCHAR,
    day_month  VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    place_id     BIGINT PRIMARY KEY,     -- the GeoNames id where there is one
    name         VARCHAR NOT NULL,       -- the English name an analyst writes
    name_ru      VARCHAR,
    kind         VARCHAR NOT NULL,       -- country | region | city | district
    country_code VARCHAR,
    admin1       VARCHAR,
    parent_id    BIGINT,                 -- district -> city, city -> region
    lat          DOUBLE,
    lon          DOUBLE,
    population   BIGINT
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL,
    place_id   BIGINT NOT NULL,
    surface    VARCHAR,
    char_start INTEGER,                  -- offsets into title + "\n\n" + body
    char_end   INTEGER,
    reason     VARCHAR,                  -- why this place: "district of the named city", "population", ...
    precision  INTEGER                   -- ACLED-like: 1 the place named, 2 a stand-in for it, 3 region/country
);

-- Names that read like places but that the gazetteer lacks, kept with their sentence for the analyst
-- (`twinning unresolved`), never guessed.
CREATE TABLE IF NOT EXISTS unresolved_names (
    article_id VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    sentence   VARCHAR
);

CREATE TABLE IF NOT EXISTS place_roles (
    article_id VARCHAR NOT NULL,
    place_id   BIGINT NOT NULL,
    role       VARCHAR NOT NULL          -- participant | mention
);

-- An event can link several pairs (one district agreement signed by three districts links two),
-- so pairs live in event_pairs rather than in place_a_id / place_b_id columns here.
CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY, -- "<article_id>-<n>", n = position in the article
    article_id      VARCHAR NOT NULL,
    event_type      VARCHAR NOT NULL,
    event_date      DATE,
    date_precision  VARCHAR,
    sentence        VARCHAR,             -- the evidence
    location_id     BIGINT,
    agreement_count INTEGER,             -- as stated in the text; NULL when it gives no number
    period_start    INTEGER,
    period_end      INTEGER,
    confidence      DOUBLE,
    background      BOOLEAN              -- history the article recalls ("twinned since 1998"), not news
);

CREATE TABLE IF NOT EXISTS event_pairs (
    event_id   VARCHAR NOT NULL,
    place_a_id BIGINT NOT NULL,
    place_b_id BIGINT NOT NULL,
    CHECK (place_a_id < place_b_id)      -- a pair is unordered
);

CREATE TABLE IF NOT EXISTS event_participants (
    event_id VARCHAR NOT NULL,
    place_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS event_sectors (
    event_id VARCHAR NOT NULL,
    sector   VARCHAR NOT NULL
);

-- Reports of one event (the same signing on several pages): every event row links to the report
-- that stands for its event (etl/same_event.py rebuilds this after each load that changes anything).
CREATE TABLE IF NOT EXISTS event_reports (
    event_id VARCHAR NOT NULL,
    group_id VARCHAR NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS run_ids START 1;

CREATE TABLE IF NOT EXISTS runs (
    run_id             INTEGER PRIMARY KEY,
    started_at         TIMESTAMP,
    finished_at        TIMESTAMP,        -- NULL while the run goes on, or when it was interrupted
    files_seen         INTEGER,
    articles_added     INTEGER,
    articles_unchanged INTEGER,
    articles_replaced  INTEGER,
    articles_removed   INTEGER,          -- no longer in any file after their file changed
    errors             INTEGER
);

CREATE TABLE IF NOT EXISTS load_errors (
    run_id      INTEGER NOT NULL,
    source_path VARCHAR NOT NULL,
    error       VARCHAR NOT NULL         -- written for an analyst
);

-- Answers of the online geocoder (Nominatim), so a name is asked once.
CREATE TABLE IF NOT EXISTS geocode_cache (
    query      VARCHAR PRIMARY KEY,
    lat        DOUBLE,
    lon        DOUBLE,
    address    VARCHAR,
    raw_json   VARCHAR,
    fetched_at TIMESTAMP
);

-- Geodesic distances between the (city-level) places of city_pairs; SQL cannot run geopy,
-- so the loader fills this for each new pair.
CREATE TABLE IF NOT EXISTS pair_distances (
    place_a_id BIGINT NOT NULL,
    place_b_id BIGINT NOT NULL,
    km         DOUBLE,
    PRIMARY KEY (place_a_id, place_b_id)
);

-- A district stands for its parent city; cities, regions and countries stand for themselves.
CREATE OR REPLACE VIEW place_rollup AS
SELECT p.place_id,
       COALESCE(city.place_id, p.place_id) AS city_id
FROM places AS p
LEFT JOIN places AS city ON p.kind = 'district' AND city.place_id = p.parent_id;

-- Each event's pairs rolled up to city level (a district pair counts for its cities), one row per
-- event and city pair; pairs inside one city disappear.
CREATE OR REPLACE VIEW event_city_pairs AS
SELECT DISTINCT
       ep.event_id,
       LEAST(ra.city_id, rb.city_id)    AS place_a_id,
       GREATEST(ra.city_id, rb.city_id) AS place_b_id
FROM event_pairs AS ep
JOIN place_rollup AS ra ON ra.place_id = ep.place_a_id
JOIN place_rollup AS rb ON rb.place_id = ep.place_b_id
WHERE ra.city_id <> rb.city_id;

CREATE OR REPLACE VIEW city_pairs AS
WITH per_pair AS (
    SELECT cp.place_a_id,
           cp.place_b_id,
           -- events and agreements count each event once, however many pages report it
           COUNT(DISTINCT COALESCE(g.group_id, e.event_id))                                AS events,
           COUNT(DISTINCT COALESCE(g.group_id, e.event_id))
               FILTER (WHERE e.event_type = 'agreement_signed')                            AS agreements,
           COUNT(DISTINCT e.article_id)                                                    AS articles,
           MIN(COALESCE(e.event_date, a.published_date))                                   AS first_date,
           MAX(COALESCE(e.event_date, a.published_date))                                   AS last_date,
           LIST(DISTINCT e.event_type ORDER BY e.event_type)                               AS event_types
    FROM event_city_pairs AS cp
    JOIN events AS e ON e.event_id = cp.event_id
    JOIN articles AS a ON a.article_id = e.article_id
    LEFT JOIN event_reports AS g ON g.event_id = e.event_id
    GROUP BY cp.place_a_id, cp.place_b_id
)
SELECT pp.place_a_id,
       pa.name         AS name_a,
       pa.country_code AS country_a,
       pa.kind         AS kind_a,
       pa.lat          AS lat_a,
       pa.lon          AS lon_a,
       pp.place_b_id,
       pb.name         AS name_b,
       pb.country_code AS country_b,
       pb.kind         AS kind_b,
       pb.lat          AS lat_b,
       pb.lon          AS lon_b,
       pp.events,
       pp.agreements,
       pp.articles,
       pp.first_date,
       pp.last_date,
       pp.event_types,
       d.km
FROM per_pair AS pp
JOIN places AS pa ON pa.place_id = pp.place_a_id
JOIN places AS pb ON pb.place_id = pp.place_b_id
LEFT JOIN pair_distances AS d ON d.place_a_id = pp.place_a_id AND d.place_b_id = pp.place_b_id;

-- Signed agreements per sector and year, each signing once however many pages report it (its
-- sectors are those any report names); countries = the sorted country codes of its participants
-- (e.g. [BY, RU]). sector is NULL for an agreement whose reports name none.
CREATE OR REPLACE VIEW agreements_by_sector AS
WITH report AS (
    SELECT e.event_id, COALESCE(g.group_id, e.event_id) AS agreement_id
    FROM events AS e
    LEFT JOIN event_reports AS g ON g.event_id = e.event_id
    WHERE e.event_type = 'agreement_signed'
),
agreement AS (
    SELECT DISTINCT r.agreement_id, YEAR(COALESCE(e.event_date, a.published_date)) AS year
    FROM report AS r
    JOIN events AS e ON e.event_id = r.agreement_id
    JOIN articles AS a ON a.article_id = e.article_id
),
agreement_countries AS (
    SELECT r.agreement_id,
           LIST(DISTINCT p.country_code ORDER BY p.country_code)
               FILTER (WHERE p.country_code IS NOT NULL) AS countries
    FROM report AS r
    LEFT JOIN event_participants AS ep ON ep.event_id = r.event_id
    LEFT JOIN places AS p ON p.place_id = ep.place_id
    GROUP BY r.agreement_id
),
agreement_sectors AS (
    SELECT DISTINCT r.agreement_id, s.sector
    FROM report AS r
    JOIN event_sectors AS s ON s.event_id = r.event_id
)
SELECT s.sector,
       ag.year,
       ac.countries,
       COUNT(DISTINCT ag.agreement_id) AS agreements
FROM agreement AS ag
JOIN agreement_countries AS ac ON ac.agreement_id = ag.agreement_id
LEFT JOIN agreement_sectors AS s ON s.agreement_id = ag.agreement_id
GROUP BY ALL;
