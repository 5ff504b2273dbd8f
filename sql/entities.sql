-- extract_entities(): people, organizations and locations.
SET search_path = article_tools, pg_catalog;

-- A sentence in the target style: names with "of", suffixes, titles dropped.
SELECT n, kind, text, canonical, sentence, position, length
FROM extract_entities('Chen Hongbo, chairman of Tus-Holdings Co. Ltd, told reporters in Beijing on Monday that the Bank of China and the Chinese Academy of Engineering would join the project.');

-- Canonical names within the text: a later surname, the first word of a
-- university; "the Academy" is no name of its own.
SELECT n, kind, text, canonical, sentence
FROM extract_entities(
'Tsinghua University and the Chinese Academy of Sciences signed the agreement in Haidian District of Beijing on Friday, May 10.

"The partnership will speed up research," said Qiu Yong, president of Tsinghua University.

Qiu said Tsinghua would send 40 researchers. The Academy did not comment.');

-- Chinese names in both orders, months, weekdays and initiative acronyms.
SELECT n, kind, text, canonical
FROM extract_entities('Hongbo Chen, who joined Huawei Technologies Co. Ltd in March, said the Belt and Road Initiative (BRI) had helped exports to Kazakhstan. The BRI was launched in 2013, Wang Yi said on Tuesday.');

-- Every row's position and length point at its text.
\set article `cat test/fixtures/articles/cd-battery-exports.txt`
SELECT count(*) AS entities,
       bool_and(substr(:'article', position, length) = text) AS spans_match
FROM extract_entities(:'article');

SELECT kind, canonical, count(*) AS mentions
FROM extract_entities(:'article')
GROUP BY kind, canonical
ORDER BY mentions DESC, canonical
LIMIT 8;

-- Character positions after multi-byte characters.
SELECT text, position, length, substr('“Tus-Holdings” — 启迪控股 — said Zhang Wei in Shenzhen.', position, length) = text AS ok
FROM extract_entities('“Tus-Holdings” — 启迪控股 — said Zhang Wei in Shenzhen.');

-- People by given name (a title or "of" ends the mention around them), an
-- unlisted capitalised word after "in", an unknown acronym, list acronyms only
-- as written ("WHO", not "Who"), products as non-names, a surname that is
-- also a place.
SELECT kind, text, canonical
FROM extract_entities('NASA Administrator Charles Bolden said the shuttle would fly. '
  'Lawmaker Alvin Yeung of the Civic Party and Sergey Brin attended. '
  'The company plans a plant in Erfurt by 2022. Officials said the KPA fired '
  'one shell. Who said the WHO would help? Users of Internet Explorer were '
  'warned. Mary Paris left the ship; Paris said she was afraid.');

-- The user gazetteer: terms win over the model after reload_gazetteer().
INSERT INTO gazetteer (term, kind, canonical) VALUES
    ('Tus-Holdings', 'organization', 'Tus-Holdings Co. Ltd'),
    ('Zhongguancun Science Park', 'location', NULL),
    ('Lina', 'person', 'Wang Lina');
SELECT reload_gazetteer();
SELECT kind, text, canonical
FROM extract_entities('Tus-Holdings opened an office in Zhongguancun Science Park, Lina said.');
SELECT user_terms FROM entity_model_info();
DELETE FROM gazetteer;
SELECT reload_gazetteer();
SELECT kind, text, canonical
FROM extract_entities('Tus-Holdings opened an office in Zhongguancun Science Park, Lina said.');

-- The gazetteer is user data for pg_dump.
SELECT c.relname, x.extconfig IS NOT NULL AS dumped
FROM pg_extension x, pg_class c
WHERE x.extname = 'article_tools' AND c.oid = ANY (x.extconfig);

-- A raw page: nothing in its chrome lines (share widgets, login form, app
-- prompt, copyright footer) is an entity; positions point into the page.
SELECT kind, text, position, substr(p, position, length) = text AS at_position
FROM (SELECT concat_ws(E'\n', 'Share', 'WeChat', 'Facebook', 'Twitter',
             'Share on WeChat Facebook Twitter',
             'Officials of the Hangzhou Municipal Bureau of Commerce met Keya Medical in Xiaoshan district on Tuesday.',
             'Wang Lin, the bureau''s deputy director, said the company would expand.',
             'User name required', 'Chinanews App Download', 'Facebook Twitter WeChat LinkedIn',
             'Copyright©2024 China Daily', 'Copyright © 2024 China Daily. All rights reserved.') AS p) page,
     LATERAL extract_entities(page.p)
ORDER BY n;

-- STRICT, empty and odd inputs.
SELECT count(*) FROM extract_entities(NULL);
SELECT count(*) FROM extract_entities('');
SELECT count(*) FROM extract_entities('   ');

-- All capitals, no capitals: no error, and headline case is not tagged blindly.
SELECT kind, text FROM extract_entities('CHINA''S BATTERY MAKERS RAMP UP EXPORTS TO EUROPE, SAYS MINISTRY OF COMMERCE');
SELECT count(*) FROM extract_entities('china''s battery makers ramp up exports to europe, says the ministry of commerce in beijing');
SELECT kind, text FROM extract_entities('Battery Makers In Jiangsu Ramp Up Exports To Europe As Demand Soars');

-- 1 MB of one repeated word, and random characters: linear, no error.
SELECT count(*), count(DISTINCT canonical)
FROM extract_entities(repeat('Beijing ', 131072));
SELECT count(*) FROM extract_entities(repeat('the ', 262144));
SELECT count(*) >= 0 AS ok, bool_and(substr(t, position, length) = text) IS NOT FALSE AS spans_match
FROM (SELECT string_agg(chr(32 + (('x' || substr(md5(i::text), 1, 4))::bit(16)::int % 3000)), '') AS t
      FROM generate_series(1, 50000) i) r,
     LATERAL extract_entities(r.t);
