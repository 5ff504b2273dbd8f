-- paragraphs() and sentences(): spans, positions in characters, edge cases.
SET search_path = article_tools, public;

SELECT * FROM paragraphs(E'Headline here\n\nFirst paragraph, line one\nline two.\n\n\n  Second paragraph.  \n');
-- no blank line at all: one paragraph per line
SELECT * FROM paragraphs(E'One.\r\nTwo.\nThree.');

SELECT n, text FROM sentences(
  'Dr. Li met Mr. Smith in the U.S. capital. Sales rose 9.8 percent to 1.2 trillion yuan. '
  'Shengjing360 Science and Technology Co. Ltd, a platform, grew. '
  'He moved to the U.S. The firm followed.');

-- quotes are not split inside, and are split after
SELECT n, text FROM sentences(
  '"We grew fast. We will grow more," Chen said. He added: “It works. It scales.” Then he left! Why?');

-- positions are characters, 1-based: substr() gives the text back, also after multibyte text
WITH t(s) AS (VALUES ('Préface — 中国 grows. “Yes,” said Zoë. £5 is 5 pounds.'))
SELECT n, position, length, text, substr(s, position, length) = text AS same
FROM t, sentences(s);

WITH t(s) AS (VALUES (E'Ünïcode ✓ heading\n\nBody one. Body two.\n\n最后一段。'))
SELECT bool_and(substr(s, position, length) = p.text) AS paragraphs_match,
       count(*) AS paragraphs
FROM t, paragraphs(s) p;

-- bad and empty input
SELECT count(*) FROM sentences('');
SELECT count(*) FROM paragraphs(E' \n\t\n ');
SELECT count(*) FROM sentences(NULL);
SELECT n, text FROM sentences('"Unbalanced quote. Still inside. And more');
SELECT n, text FROM sentences('...!?. . .');
