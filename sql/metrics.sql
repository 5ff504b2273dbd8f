-- extract_metrics(): every form it reads, and inputs that must not break it.
SET search_path = article_tools, public;
\pset null '-'

-- The function: STRICT IMMUTABLE PARALLEL SAFE, a row type with the columns of the issue
SELECT p.provolatile, p.proisstrict, p.proparallel, p.prorows
FROM pg_proc p WHERE p.oid = 'article_tools.extract_metrics(text)'::regprocedure;
SELECT pg_catalog.enum_range(NULL::article_tools.metric_kind);

CREATE FUNCTION pg_temp.m(t text)
RETURNS TABLE (n int, kind metric_kind, text text, value numeric, range_to numeric,
               unit text, currency char(3), qualifier text, change text, date_value date,
               eq int, sentence int, same boolean)
LANGUAGE sql AS $$
    SELECT m.n, m.kind, m.text, m.value, m.range_to, m.unit, m.currency, m.qualifier,
           m.change, m.date_value, m.equivalent_of, m.sentence,
           substr(t, m.position, m.length) = m.text
    FROM article_tools.extract_metrics(t) m ORDER BY m.n
$$;

-- money: symbols, codes and words before or after, scales, compounds
SELECT * FROM pg_temp.m('Exports reached 42.5 billion yuan ($6.2 billion) and RMB 3 trillion, or 3,000 billion yuan.');
SELECT * FROM pg_temp.m('US$42.5 billion, HK$1.2 billion, €5 million, £8.1m, USD 5m, 5 million USD, ₹30 crore, 1.2 trillion won.');
SELECT * FROM pg_temp.m('It set up a 1.5 billion-U.S.-dollar fund and a 10-billion-yuan fund; 50 cents and 470 pence.');
SELECT * FROM pg_temp.m('Toyota earned ¥2 trillion in Japan last year.');
SELECT * FROM pg_temp.m('The Chinese firm raised ¥2 billion from investors in China.');
SELECT * FROM pg_temp.m('It costs $5-6 billion, or 30 euros, 12 rupees, 2.5bn dollars, 10 bln rubles, $3k.');
SELECT * FROM pg_temp.m('2 trillion yuan (about $275.8 billion) in 2018');

-- percentages, percentage points, change and period
SELECT * FROM pg_temp.m('Sales were up 9 percent year-on-year, a year-on-year rise of 18.4%, and profit jumped 64.2 per cent.');
SELECT * FROM pg_temp.m('Imports fell 3.5%, exports dropped 2 percent from a year earlier, output declined 0.3 percentage points.');
SELECT * FROM pg_temp.m('The rate rose 25 basis points; margins of 10-15% and 5 to 6 percent; a 7 percent increase; -2.5% growth.');

-- counts with their noun phrase, spelled numbers, ranges, ages
SELECT * FROM pg_temp.m('More than 2,300 AI-related firms, 19 such events and 3.2 billion tonnes of coal.');
SELECT * FROM pg_temp.m('Two experts, twenty-five doses, a dozen eggs, three to four teams, ½ cup, one and a half days.');
SELECT * FROM pg_temp.m('Liu Jianping, 56, said the firm hired 1 234 employees and 40 000 workers.');
SELECT * FROM pg_temp.m('In the first three quarters, the one that mattered was a two-day forum.');

-- issue 16: fractions are shares of their own kind; ranges in words; the counted
-- noun's head; spelled numbers in names, idioms, references and modifiers are
-- no figures; durations are quantities unless they name a period; chrome lines
SELECT * FROM pg_temp.m('Half of the 300 companies showcased projects; about one-third, two-thirds and a quarter of the firms; the first half of 2023.');
SELECT * FROM pg_temp.m('One or two years, two or three new unicorns a year, the two sides, Formula One, one of them, the top two films, in 3 years, the past 10 years, nine consecutive years.');
SELECT * FROM pg_temp.m('It cost $183 per ton and 3,870 yuan a ton, up from a year earlier; twenty-foot containers, a two-day forum; 35.3 million twenty-foot equivalent units; 2.32 million electric vehicle (EV) charging posts.');
SELECT * FROM pg_temp.m(E'Sales rose 5 percent.\n0 Comment(s)\nPrint\nUpdated 20:12, 12-Nov-2023');

-- issue 16: what each figure measures, whose it is, what it is per and when;
-- relative periods and dates resolve against the reference date, else stay NULL
CREATE FUNCTION pg_temp.w(t text, ref date DEFAULT NULL)
RETURNS TABLE (n int, kind metric_kind, text text, value numeric, per text, measure text,
               holder text, period_start date, period_end date, date_value date)
LANGUAGE sql AS $$
    SELECT m.n, m.kind, m.text, m.value, m.per, m.measure, m.holder, m.period_start,
           m.period_end, m.date_value
    FROM (SELECT * FROM article_tools.extract_metrics(t) WHERE ref IS NULL
          UNION ALL SELECT * FROM article_tools.extract_metrics(t, ref) WHERE ref IS NOT NULL) m
    ORDER BY m.n
$$;
SELECT * FROM pg_temp.w('Companies in the Zhongguancun science park reported total revenue of 3.2 billion yuan in 2021, up 9.6 percent, while their research and development fees rose 12 percent to 470 million yuan.');
SELECT * FROM pg_temp.w('China''s retail sales rose 4.7 percent in the first quarter of this year. Huawei spent $22.8 billion on research and development last year.', '2024-04-16');
SELECT * FROM pg_temp.w('China''s retail sales rose 4.7 percent in the first quarter of this year. Huawei spent $22.8 billion on research and development last year.');
SELECT * FROM pg_temp.w('Sales fell 3 percent in the January-May period, and the firm plans 20 new stores by March. Output grew 5 percent in the second half of 2022, up from last year.', '2024-06-17');
SELECT * FROM pg_temp.w('Rebar sold for 3,870 yuan a ton on Monday, down 40 yuan from last Friday, the exchange said on Tuesday. The deal was signed on May 3.', '2024-02-28');
SELECT * FROM pg_temp.w('Half of the 300 companies in the city showcased projects; Beijing is home to 93 unicorns.');
SELECT count(*) FROM extract_metrics('Sales rose 5 percent last year.', 'infinity'::date);
SELECT kind, text, period_start FROM extract_metrics('Sales rose 5 percent last year.', NULL::date);
SELECT count(*) FROM extract_metrics(NULL::text, '2024-01-01'::date);
SELECT p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p WHERE p.oid = 'article_tools.extract_metrics(text,date)'::regprocedure;

-- years and dates
SELECT * FROM pg_temp.m('In 2018 output doubled; by 2030 it will double again, during 2016-20 and 2016-2020.');
SELECT * FROM pg_temp.m('Updated: Oct 8, 2018. Release time: 2019.04.29. Posted 2017-05-12 17:14:34, on May 12 and in April 2020.');
-- no years from phone numbers, copyright or registration lines
SELECT * FROM pg_temp.m(E'Tel: 86-10-6499 2018\nCopyright 1995 - 2018 China Daily. All rights reserved.\n京ICP备13028878号-6\nThe plant opened in 2018.');
-- ordinals: the 13th Five-Year Plan is one ordinal, not a count of plans
SELECT * FROM pg_temp.m('During the 13th Five-Year Plan (2016-20), the world''s 2nd largest economy grew.');

-- measures: length, area, mass, volume, power, energy, speed
SELECT * FROM pg_temp.m('A 45-km road, 660 square meters, 2.4 billion gallons, 75ml, 200lbs, 1.8m tall, 12 sq km, 300 hectares.');
SELECT * FROM pg_temp.m('A 1,200 MW plant makes 5 billion kWh a year; 100 kilowatts; 3 TWh; 120 km/h; 188 miles an hour; 20,000 TEUs.');

-- wrong-looking inputs: clean rows or none, never an error
SELECT * FROM pg_temp.m('1,2,3');
SELECT * FROM pg_temp.m('$');
SELECT * FROM pg_temp.m('99.02.7%');
SELECT * FROM pg_temp.m('1e999 yuan and 1e5 yuan');
SELECT * FROM pg_temp.m('192.168.1.2 and COVID-19 and A380 and 24703L202');
SELECT * FROM pg_temp.m('see https://example.com/q?x=30%25 and www.test.com/2018/10%');
SELECT kind, length(text), value IS NULL FROM extract_metrics(repeat('7', 2000) || ' yuan');
SELECT kind, value FROM extract_metrics(repeat('9', 60) || ' and ' || repeat('9', 38) || ' yuan and 9' || repeat('0', 59));
SELECT count(*) FROM extract_metrics(repeat('1,', 5000));
SELECT count(*) FROM extract_metrics(repeat('$', 10000) || repeat('%', 10000));
SELECT count(*) FROM extract_metrics('');
SELECT count(*) FROM extract_metrics(NULL);
SELECT count(*) FROM extract_metrics(E'\u00bd\u2154 € £ ¥ 元 ％ −5 ½');

-- positions are characters: substr(input, position, length) = text, also after multibyte text
WITH t(s) AS (VALUES ('中国经济 — “Préface”: £5 is 5 pounds sterling; 中国 grew 6.6%.'))
SELECT m.n, m.kind, m.text, m.position, m.length, substr(s, m.position, m.length) = m.text AS same
FROM t, extract_metrics(s) m;

-- LATERAL over many rows, and an aggregate by currency
CREATE TEMP TABLE docs AS
SELECT i AS id, format('Firm %s earned %s million yuan and $%s billion, up %s percent.', i, i, i, i % 7) AS body
FROM generate_series(1, 200) i;
SELECT m.currency, count(*), sum(m.value)
FROM docs d, LATERAL extract_metrics(d.body) m
WHERE m.kind = 'money' GROUP BY m.currency ORDER BY m.currency;
SELECT m.change, count(*) FROM docs d, LATERAL extract_metrics(d.body) m
WHERE m.kind = 'percent' GROUP BY 1 ORDER BY 1;

-- the fixture articles (test/fixtures/articles/*.txt): every figure, one line each
CREATE TEMP TABLE fx_load (file text, b64 text);
\copy fx_load FROM PROGRAM 'cd test/fixtures/articles && for f in *.txt; do printf "%s\t" "$f"; base64 -w0 "$f"; echo; done'
CREATE TEMP TABLE fx AS SELECT file, convert_from(decode(b64, 'base64'), 'UTF8') AS raw FROM fx_load;
SELECT f.file, m.n, m.kind, m.text, m.value, m.range_to, m.unit, m.currency, m.qualifier AS q,
       m.change, m.date_value, m.equivalent_of AS eq
FROM fx f, LATERAL extract_metrics(f.raw) m ORDER BY f.file, m.n;
SELECT bool_and(substr(f.raw, m.position, m.length) = m.text) AS spans_ok
FROM fx f, LATERAL extract_metrics(f.raw) m;

-- scraped-text leftovers: HTML entities for currency symbols, 24-hour times, names
SELECT n, kind, text, value, currency FROM pg_temp.m('At 0619 GMT the label paid &#163;1.8m, &euro;5 and 50 cents to 50 Cent.');
