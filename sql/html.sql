-- parse_article on HTML pages (issue 14).  Every page here was written for
-- this test; none is copied from a site.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS article_tools;
RESET client_min_messages;
SET search_path = article_tools, public;
SET DateStyle = 'ISO, YMD';
SET TimeZone = 'UTC';

-- A news page: JSON-LD, Open Graph, navigation, share widgets, a related
-- links box, comments, a table and a figure with a caption.
CREATE TEMP TABLE pages (name text, page text);
INSERT INTO pages VALUES ('news', $page$<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="iso-8859-1">
<title>Harbour bridge reopens after repairs | The Riverside Gazette</title>
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="og:site_name" content="The Riverside Gazette">
<meta property="og:url" content="https://gazette.example/news/2024/03/14/harbour-bridge">
<meta property="article:section" content="Local">
<meta property="article:tag" content="Transport">
<meta property="article:tag" content="Bridges">
<link rel="canonical" href="https://gazette.example/news/harbour-bridge">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "The Riverside Gazette"},
 {"@type": "NewsArticle", "headline": "Harbour bridge reopens after repairs",
  "datePublished": "2024-03-14T09:30:00+00:00", "dateModified": "2024-03-15T11:00:00Z",
  "author": [{"@type": "Person", "name": "Maria Lopez"}, {"@type": "Person", "name": "Tom \u00c5berg"}],
  "publisher": {"@type": "Organization", "name": "The Riverside Gazette"}}]}
</script>
<style>p { color: red; }</style>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<article>
<h1>Harbour bridge reopens after repairs</h1>
<p class="byline">By Maria Lopez and Tom &Aring;berg</p>
<div class="article-body">
<p>The harbour bridge reopened to traffic on Thursday morning, three months after cracks were found in two of its steel girders, the city council said.</p>
<p>Engineers replaced both girders and strengthened the deck, at a cost of &pound;4.2 million &mdash; less than the &euro;5 million first estimated.<br>Work finished a week early.</p>
<figure><img src="bridge.jpg" alt=""><figcaption>The bridge at dawn on Thursday.</figcaption></figure>
<h2>Traffic</h2>
<p>About 18,000 vehicles cross the bridge each day, and buses will return to their usual routes from Monday, according to the transport office.</p>
<table><tr><th>Route</th><th>Returns</th></tr><tr><td>Bus 4</td><td>Monday</td></tr><tr><td>Bus 12</td><td>Tuesday</td></tr></table>
<script>var tracking = "<p>not text</p>";</script>
<noscript><p>Please enable JavaScript to read comments.</p></noscript>
</div>
<div class="related-links"><h3>Related stories</h3><ul><li><a href="/a">Bridge closed after cracks found</a></li><li><a href="/b">Council sets repair budget</a></li></ul></div>
</article>
<section id="comments"><h3>3 comments</h3><p>Great news, finally! I have waited for months for this bridge.</p></section>
<footer><p>&copy; 2024 The Riverside Gazette. All rights reserved.</p></footer>
</body>
</html>$page$);

SELECT (a).title, (a).published, (a).published_at, (a).updated, (a).authors,
       (a).source, (a).url, (a).section, (a).tags, (a).language, (a).captions
FROM (SELECT parse_article(page) AS a FROM pages WHERE name = 'news') s;
SELECT (a).body, (a).lead, (a).paragraphs, (a).words
FROM (SELECT parse_article(page) AS a FROM pages WHERE name = 'news') s;

-- A bare blog page: no JSON-LD, a meta author, <time datetime>, the site
-- name after the title, and a sidebar.
SELECT (a).title, (a).published, (a).authors, (a).source, (a).language, (a).body
FROM (SELECT parse_article($page$<html lang="en"><head>
<title>Growing tomatoes on a balcony - Green Corner Blog</title>
<meta name="author" content="Priya Shah">
</head><body>
<div id="sidebar"><h4>Archives</h4><ul><li><a href="/2023">2023</a></li><li><a href="/2022">2022</a></li></ul></div>
<div class="post">
<h1>Growing tomatoes on a balcony</h1>
<time datetime="2023-06-02">June 2, 2023</time>
<p>Tomatoes need six hours of sun, a deep pot and regular water, and a balcony facing south gives them all three without much effort.</p>
<p>Choose a cherry variety: the plants stay small, the fruit ripens early, and a single plant can give a few hundred tomatoes over the summer.</p>
</div>
</body></html>$page$) AS a) s;

-- Dates from the URL and from a visible date line; updated only from meta.
SELECT (a).title, (a).published, (a).url
FROM (SELECT parse_article($page$<!doctype html><html><head>
<title>Library extends its opening hours</title>
<meta property="og:url" content="https://news.example/2022/11/05/library-hours/">
</head><body><div class="content">
<p>The central library will stay open until nine in the evening from next month, after a survey of more than two thousand readers asked for later hours.</p>
</div></body></html>$page$) AS a) s;

SELECT (a).published, (a).body
FROM (SELECT parse_article($page$<html><body><div class="story">
<div class="date">Posted on 7 April 2021</div>
<p>The ferry service between the two islands has been suspended for the week because of storms, the operator said on Wednesday evening.</p>
</div></body></html>$page$) AS a) s;

-- Character references, <br>, preformatted text and a declared charset
-- that is not the database's (the text is already decoded: it is ignored).
SELECT (a).body
FROM (SELECT parse_article($page$<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>
<body><div class="entry-content">
<p>Caf&eacute; prices rose by 5&#37; &amp; tea by &#x2153;, said the report &lsquo;Prices in 2024&rsquo;, which covers the whole of the city.</p>
<p>First line of the address<br>Second line<br><br>A new paragraph after two breaks, with enough text to count as prose here.</p>
<pre>code  keeps
  its   spaces</pre>
<p>Caf&#233; &ndash; na&iuml;ve &ndash; &#128512; &ndash; &#0; &ndash; &#xD800; &ndash; &bogus; end of the paragraph with the entities.</p>
</div></body></html>$page$) AS a) s;

-- Text that only quotes a few tags stays on the text path.
SELECT (a).title, (a).body
FROM (SELECT parse_article('Browsers ignore <blink> now

Old pages used the <blink> tag and the <marquee> tag for effects; modern browsers show them as plain text.') AS a) s;

-- An HTML fragment (no <html>, mostly tags) is read as HTML.
SELECT (a).body, (a).paragraphs
FROM (SELECT parse_article('<p>First paragraph of a fragment, long enough to be a real paragraph of text.</p>
<p>Second paragraph of the fragment, also long enough to be counted as text here.</p>
<p>Third.</p><div><a href="/x">x</a></div><div><a href="/y">y</a></div><div><a href="/z">z</a></div>') AS a) s;

-- Broken markup, empty pages and pages with no text give a clean row.
SELECT (a).title, (a).body, (a).paragraphs, (a).words
FROM (SELECT parse_article(p) AS a
      FROM unnest(ARRAY['<html></html>', '<!DOCTYPE html>', '<html><body><div><p>Unclosed <b>bold <i>italic text that never ends and keeps on going',
                        '<html><head><title>Only a title</title></head><body></body></html>',
                        '<html><body><script>document.write("<p>hidden</p>")</script><style>.a{}</style></body></html>']) p) s;

-- Bad input stays linear and gives a row: deep nesting, a long script,
-- a huge attribute.
SELECT (a).paragraphs, length((a).body) > 0 AS has_body
FROM (SELECT parse_article('<html><body>' || repeat('<div>', 100000) || 'deep text that is inside one hundred thousand divs and long enough' || repeat('</div>', 100000) || '</body></html>') AS a) s;
SELECT (a).paragraphs, (a).body
FROM (SELECT parse_article('<html><body><script>' || repeat('var x = 1; ', 1000000) || '</script><p>After a long script comes the only paragraph of this page, written out in full.</p></body></html>') AS a) s;
SELECT (a).title, (a).body
FROM (SELECT parse_article('<html><head><title>Huge attribute</title></head><body><div class="' || repeat('x', 2000000) || '"><p>The paragraph after an element with a two megabyte class attribute value.</p></div></body></html>') AS a) s;

-- Over the tag limit (2,000,000 tags): a clear error.
\set VERBOSITY default
SELECT (parse_article('<html><body>' || repeat('<br>', 2000001) || '</body></html>')).words;

-- libxml2 is shared with PostgreSQL's xml functions: they still report
-- their own errors after an HTML parse.
SELECT (parse_article('<html><body><p>' || repeat('a ', 100) || '</p></body></html>')).words;
SELECT xmlparse(document '<a><b></a>');
SELECT xmlparse(document '<a><b/></a>');

DROP TABLE pages;
