/*
 * chrome.c: the page chrome classifier (see chrome.h).
 *
 * What counts as chrome is data: the word classes, whole lines and
 * patterns below.  They are deliberately narrow, because a real paragraph
 * must never be dropped: every rule applies to short lines only, and a line
 * is chrome only when all of it is.
 */
#include "chrome.h"
#include "dates.h"
#include "regex.h"
#include "utf8.h"

#include <string.h>
#ifdef AT_COUNT_STEPS
#include <stdio.h>
#include <stdlib.h>
#endif

#define MAX_CHROME_LINE		400		/* bytes; longer lines are text */
#define MAX_VOCAB_WORDS		12		/* words of a widget or prompt line */
#define MAX_BRAND_WORDS		2		/* unknown capitalised words among them */
#define MAX_CRUMBS			8		/* breadcrumb segments */
#define MAX_CRUMB_WORDS		4
#define MAX_CONTEXT_WORDS	6		/* a label chrome by position */
#define MAX_CONTEXT_BYTES	60
#define MAX_HEAD_CONTEXT_WORDS 2	/* before the first prose line */
#define MIN_PROSE_WORDS		6
#define MAX_SLASH_CREDIT	80		/* "REUTERS/NAME/File Photo" */
#define MAX_RESIDUE_BYTES	12		/* "1885km", "2,600km" */
#define MAX_TAG_WORDS		3		/* a hashtag of several words */
#define MAX_TAG_BYTES		40
#define MAX_TAIL_LABEL_WORDS 4		/* a label that ends the page */
#define MAX_LINK_WORDS		20		/* a headline under "ALSO READ" */
#define MAX_FOREIGN_LINE	60		/* bytes of a label in another script */
#define MAX_PREFIX_SCAN		32		/* bytes of a scraper's date prefix */

/* ---- data: vocabulary ------------------------------------------------------- */

/*
 * Word classes.  STRONG words are chrome wherever they stand alone on a
 * short line (share, print, login, app); WEAK words are everyday words that
 * chrome uses too (name, back, top, size), chrome only two or more together
 * or with a strong one; FILLER words (articles, prepositions, publisher
 * name parts) never decide but do not stop a line from being chrome.
 */
enum
{
	W_FILLER = 1,
	W_WEAK,
	W_STRONG
};

typedef struct ChromeWord
{
	const char *word;			/* lower case */
	uint8_t		cls;
} ChromeWord;

static const ChromeWord chrome_words[] = {
	/* share, print, e-mail and social widgets */
	{"a+", W_STRONG}, {"a-", W_STRONG}, {"aa", W_STRONG}, {"bookmark", W_STRONG},
	{"douyin", W_STRONG}, {"e-mail", W_STRONG}, {"email", W_STRONG},
	{"facebook", W_STRONG}, {"flipboard", W_STRONG}, {"instagram", W_STRONG},
	{"linkedin", W_STRONG}, {"messenger", W_STRONG}, {"pinterest", W_STRONG},
	{"print", W_STRONG}, {"printer-friendly", W_STRONG}, {"qzone", W_STRONG},
	{"reddit", W_STRONG}, {"rss", W_STRONG}, {"share", W_STRONG},
	{"shares", W_STRONG}, {"sina", W_STRONG}, {"telegram", W_STRONG},
	{"tiktok", W_STRONG}, {"tweet", W_STRONG}, {"twitter", W_STRONG},
	{"vk", W_STRONG}, {"wechat", W_STRONG}, {"weibo", W_STRONG},
	{"whatsapp", W_STRONG}, {"youtube", W_STRONG},
	/* font size and player controls */
	{"bigger", W_STRONG}, {"font", W_STRONG}, {"fullscreen", W_STRONG},
	{"larger", W_STRONG}, {"mute", W_STRONG}, {"pause", W_STRONG},
	{"player", W_STRONG}, {"playerclose", W_STRONG}, {"smaller", W_STRONG},
	{"unmute", W_STRONG}, {"zoom", W_STRONG},
	/* comments, login and registration forms */
	{"captcha", W_STRONG}, {"comment", W_STRONG}, {"comments", W_STRONG},
	{"login", W_STRONG}, {"logout", W_STRONG}, {"password", W_STRONG},
	{"signin", W_STRONG}, {"username", W_STRONG},
	/* apps, newsletters, subscriptions, forums */
	{"android", W_STRONG}, {"app", W_STRONG}, {"apps", W_STRONG},
	{"download", W_STRONG}, {"e-paper", W_STRONG}, {"epaper", W_STRONG},
	{"forum", W_STRONG}, {"ios", W_STRONG}, {"newsletter", W_STRONG},
	{"newsletters", W_STRONG}, {"qr", W_STRONG}, {"subscribe", W_STRONG},
	/* footers */
	{"advertisement", W_STRONG}, {"copyright", W_STRONG}, {"disclaimer", W_STRONG},
	{"homepage", W_STRONG}, {"sitemap", W_STRONG},
	/* paywalls and billing */
	{"paywall", W_STRONG}, {"subscriber", W_STRONG}, {"subscribers", W_STRONG},
	{"subscription", W_STRONG}, {"subscriptions", W_STRONG},

	/* everyday words that chrome uses */
	{"a", W_WEAK}, {"about", W_WEAK}, {"accept", W_WEAK}, {"add", W_WEAK},
	{"address", W_WEAK}, {"adjust", W_WEAK}, {"anonymous", W_WEAK},
	{"article", W_WEAK}, {"articles", W_WEAK}, {"back", W_WEAK},
	{"close", W_WEAK}, {"code", W_WEAK}, {"contact", W_WEAK}, {"cookie", W_WEAK},
	{"cookies", W_WEAK}, {"copy", W_WEAK}, {"digital", W_WEAK},
	{"edition", W_WEAK}, {"end", W_WEAK}, {"enlarge", W_WEAK}, {"explore", W_WEAK},
	{"feedback", W_WEAK}, {"full", W_WEAK}, {"headlines", W_WEAK}, {"hours", W_WEAK},
	{"latest", W_WEAK}, {"make", W_WEAK}, {"most", W_WEAK}, {"picks", W_WEAK},
	{"popular", W_WEAK}, {"reuse", W_WEAK}, {"content", W_WEAK}, {"stories", W_WEAK},
	{"story", W_WEAK}, {"topic", W_WEAK}, {"topics", W_WEAK}, {"trends", W_WEAK},
	{"viewed", W_WEAK},
	{"follow", W_WEAK}, {"forgot", W_WEAK}, {"gallery", W_WEAK}, {"get", W_WEAK},
	{"go", W_WEAK}, {"home", W_WEAK}, {"large", W_WEAK}, {"like", W_WEAK},
	{"likes", W_WEAK}, {"link", W_WEAK}, {"links", W_WEAK}, {"listen", W_WEAK},
	{"log", W_WEAK}, {"mail", W_WEAK}, {"medium", W_WEAK}, {"menu", W_WEAK},
	{"mode", W_WEAK}, {"more", W_WEAK}, {"name", W_WEAK}, {"next", W_WEAK},
	{"play", W_WEAK}, {"post", W_WEAK},
	{"prev", W_WEAK}, {"previous", W_WEAK}, {"privacy", W_WEAK},
	{"read", W_WEAK}, {"register", W_WEAK}, {"related", W_WEAK},
	{"reply", W_WEAK}, {"required", W_WEAK}, {"reserved", W_WEAK},
	{"rights", W_WEAK}, {"save", W_WEAK}, {"scan", W_WEAK}, {"search", W_WEAK},
	{"sign", W_WEAK}, {"size", W_WEAK}, {"small", W_WEAK}, {"submit", W_WEAK},
	{"terms", W_WEAK}, {"text", W_WEAK}, {"top", W_WEAK}, {"up", W_WEAK},
	{"user", W_WEAK}, {"video", W_WEAK}, {"view", W_WEAK}, {"views", W_WEAK},
	{"watch", W_WEAK},
	{"access", W_WEAK}, {"details", W_WEAK}, {"notification", W_WEAK},
	{"notifications", W_WEAK}, {"payment", W_WEAK}, {"unlock", W_WEAK},
	{"unlimited", W_WEAK}, {"update", W_WEAK}, {"friend", W_WEAK}, {"suggest", W_WEAK},
	{"acquire", W_WEAK}, {"licensing", W_WEAK}, {"click", W_WEAK}, {"page", W_WEAK},
	{"photo", W_WEAK}, {"photos", W_WEAK}, {"browse", W_WEAK}, {"viewing", W_WEAK},
	{"live", W_WEAK},

	/* filler: function words, publisher name parts, "(s)" */
	{"agency", W_FILLER}, {"all", W_FILLER}, {"an", W_FILLER}, {"policy", W_FILLER},
	{"and", W_FILLER}, {"at", W_FILLER}, {"china", W_FILLER},
	{"chinadaily", W_FILLER}, {"chinanews", W_FILLER}, {"daily", W_FILLER},
	{"ecns", W_FILLER}, {"for", W_FILLER}, {"here", W_FILLER}, {"in", W_FILLER},
	{"it", W_FILLER}, {"me", W_FILLER}, {"news", W_FILLER}, {"now", W_FILLER},
	{"of", W_FILLER}, {"on", W_FILLER}, {"or", W_FILLER}, {"our", W_FILLER},
	{"s", W_FILLER}, {"the", W_FILLER}, {"these", W_FILLER}, {"this", W_FILLER},
	{"times", W_FILLER}, {"via", W_FILLER},
	{"to", W_FILLER}, {"us", W_FILLER}, {"with", W_FILLER}, {"xinhua", W_FILLER},
	{"you", W_FILLER}, {"your", W_FILLER},
};

/* Whole lines that are chrome (caseless, white space collapsed, no final colon) */
static const char *const chrome_lines[] = {
	"add a comment", "advertisement", "back to top", "click to enlarge",
	"copy link", "digital edition", "editor's pick", "editor's picks",
	"email address", "font size", "gallery", "home", "latest news",
	"leave a comment", "link copied", "listen", "listen to this article",
	"no comments", "no comments.", "no comments yet", "(end)", "[end]",
	"enditem", "live", "download", "more on this", "skip to content",
	"skip to main content", "enter the words you see", "enter the code",
	"around the bbc", "market data", "local news", "close",
	"loading", "loading...", "log in", "login", "most popular", "most viewed",
	"name", "newsletter", "newspapers from china", "newspapers in english",
	"next", "next article", "photo", "photos", "post", "post a comment",
	"prev", "previous", "previous article", "print edition", "read full article",
	"read more", "register", "related", "related articles", "related news",
	"related stories", "scan to follow", "share this", "share this article",
	"share this story", "sign in", "sponsored", "subscribe", "text size",
	"trending", "verification code", "video player", "watch", "watch video",
	"write a comment", "your comment", "your email", "your name",
	"copied", "also read", "see also", "read also", "privacy policy",
	"we recommend", "translating...", "recent news",
	/* a news app's prompt above the articles it carries */
	"start reading", "one app", "one app.",
};

/*
 * Headings of one related link inside the body: the line after them (a
 * headline) is chrome too ("ALSO READ" / HEADLINE between paragraphs).
 */
static const char *const link_headings[] = {
	"also read", "read also", "see also",
};

/*
 * Widget words of other scripts, as whole runs of letters: a line of them
 * (with English chrome words) is chrome, "阅读更多(Read More)".  UTF-8.
 */
static const char *const foreign_chrome_words[] = {
	"\xe9\x98\x85\xe8\xaf\xbb\xe6\x9b\xb4\xe5\xa4\x9a",	/* 阅读更多 read more */
	"\xe9\x96\xb1\xe8\xae\x80\xe6\x9b\xb4\xe5\xa4\x9a",	/* 閱讀更多 */
	"\xe6\x9b\xb4\xe5\xa4\x9a",	/* 更多 more */
	"\xe5\x88\x86\xe4\xba\xab",	/* 分享 share */
	"\xe5\x88\x86\xe4\xba\xab\xe5\x88\xb0",	/* 分享到 share to */
	"\xe6\x89\x93\xe5\x8d\xb0",	/* 打印 print */
	"\xe5\x85\xb3\xe9\x97\xad",	/* 关闭 close */
	"\xe8\xaf\x84\xe8\xae\xba",	/* 评论 comment */
	"\xe4\xb8\xad\xe6\x96\x87",	/* 中文 Chinese (language link) */
	"\xeb\x8c\x93\xea\xb8\x80",	/* 댓글 comments */
	"\xea\xb3\xb5\xec\x9c\xa0",	/* 공유 share */
};

/*
 * Headings that open a trailing block of links or citations; the block is
 * chrome when every line after the heading is link-like.
 */
static const char *const tail_headings[] = {
	"editor's picks", "external links", "further reading", "hot topics",
	"in other news", "latest news", "more news", "more stories", "most popular",
	"most read", "most viewed", "read more", "recommended", "references",
	"related", "related articles", "related coverage", "related news",
	"related stories", "see also", "source", "sources", "top stories", "we recommend",
	"more on this", "more on this story",
	"trending", "you may also like", "you might also like",
};

/*
 * A heading of a list of other stories, as a pattern of words: the first
 * says which ("MORE Politics NEWS", "Popular stories", "Latest headlines"),
 * the last says stories; up to three words between (the section's name).
 */
static const char *const list_heading_first[] = {
	"latest", "more", "most", "other", "popular", "recent", "top", "trending",
};
static const char *const list_heading_last[] = {
	"articles", "headlines", "news", "stories", "videos",
};

/* First words of a breadcrumb joined by "|" or "/" */
static const char *const crumb_roots[] = {
	"home", "homepage", "front page", "main page", "index",
};

/*
 * Patterns of chrome lines (caseless), tried on lines up to MAX_CHROME_LINE
 * bytes: copyright and site registration, follow-us and app downloads,
 * comment prompts, player labels, press-reader footers, tags, contacts,
 * print-edition references and "read more" links.
 */
static AtRegex re_chrome = AT_REGEX(
	"^(?:copyright\\s*(?:©|\\(c\\))?\\s*(?:\\d{4}|©)"
	"|[©ⓒ]\\s*(?:\\d{4}|[a-z])"
	"|(?:please\\s+|you\\s+can\\s+(?:also\\s+)?)?follow\\s+(?:us|[\\w.'& ]{1,40}?)\\s+on\\s+(?:facebook|twitter|x|instagram|youtube|wechat|weibo|linkedin|telegram|tiktok|whatsapp)\\b[^.]{0,100}\\.?$"
	"|(?:download|get|install)\\s+(?:the\\s+|our\\s+)?(?:[\\w'.]+\\s+){0,2}?apps?(?:$|\\s+(?:to|for|and|now|on|from|today|here|free)\\b[^.]{0,100}\\.?$)"
	"|join\\s+[\\w'’. ]{0,30}?\\b(?:telegram|whatsapp|wechat|facebook|youtube|line|viber)\\b[^.]{0,100}\\.?$"
	"|\\(?this\\s+(?:article|story)\\s+(?:is|was)\\s+(?:first\\s+|originally\\s+)?published\\s+(?:on|in|by)\\b[^.]{0,60}\\.?\\)?$"
	"|image\\s+source\\s*[,:]"
	"|scan\\s+(?:the\\s+)?qr\\s+code"
	"|available\\s+on\\s+(?:the\\s+)?(?:app\\s+store|google\\s+play)"
	"|(?:leave|post|write|add|submit)\\s+(?:a|your)\\s+(?:comment|reply)"
	"|please\\s+(?:log\\s*in|sign\\s+in|register)\\s+(?:to|before)\\s+(?:comment|post)"
	"|comments?\\s+(?:are|will\\s+be)\\s+(?:moderated|reviewed)"
	"|\\d+\\s+comments?$"
	"|click\\s+(?:here\\s+)?to\\s+(?:comment|share|print|enlarge|subscribe|download|read)"
	"|video\\s*player"
	"|(?:loaded|progress):\\s*\\d"
	"|current\\s+time\\s+\\d"
	"|\\d{1,2}:\\d{2}\\s*/\\s*\\d{1,2}:\\d{2}$"
	"|your\\s+browser\\s+does\\s+not\\s+support"
	"|newspapers\\s+(?:in|from)\\s+[\\w ]{1,30}$"
	"|(?:tags|key\\s*words|categories|category|filed\\s+under|posted\\s+in)\\s*:"
	"|(?:read\\s+more|also\\s+read|see\\s+also|related|recommended|more\\s+on\\s+this|take\\s+a\\s+look)\\s*:"
	"|(?:subscribe|sign\\s+up)\\s+(?:to|for|now)\\b"
	"|have\\s+an\\s+opinion\\s+on\\s+this"
	"|(?:home|homepage)\\s*(?:>|»|›|\\|)"
	"|(?:tel|phone|fax|hotline|e-?mail)\\s*[:：.]?\\s*[+(]?\\d[\\d ()+-]{5,}"
	"|(?:tel|fax|e-?mail|contact(?:\\s+us)?)\\s*[:：]\\s*\\S+@\\S+$"
	"|\\(\\s*[a-z][\\w'. ]{1,40}\\s+\\d{1,2}/\\d{1,2}/\\d{4}\\s+page\\s*\\w{1,4}\\s*\\)$"
	"|\\d+\\s+min(?:ute)?s?\\s+read$"
	"|our\\s+standards\\s*:|why\\s+you\\s+can\\s+trust\\b"
	"|(?:get|sign\\s+up\\s+for|subscribe\\s+to)\\s+[\\w'’ -]{0,40}?\\bnewsletters?\\b[^.]{0,60}\\.?$"
	"|(?:note:\\s*)?(?:browsing|viewing|best\\s+viewed|(?:web\\s+)?browsers?)\\b.{0,60}\\bresolution\\b"
	"|[\\w'’. -]{2,30}\\s+is\\s+[\\w'’. -]{2,40}['’]s\\s+(?:new[- ]media|official|english|online|digital|mobile)\\b[^.]{0,60}\\.?$"
	"|\\((?:with\\s+)?(?:inputs?|additional\\s+reporting)\\s+(?:from|by)\\s+[^)]{1,60}\\)$"
	"|\\(?[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\)?$"
	/* paywalls, ad-block notices and billing prompts: whole lines */
	"|unable\\s+to\\s+(?:view|read|load)\\s+this\\s+(?:article|story|page|content)\\??$"
	"|this\\s+(?:could|may|might)\\s+be\\s+(?:due\\s+to|caused\\s+by)\\b.{0,80}\\b(?:ad[- ]?block\\w*|security\\s+software|browser\\s+extensions?)\\b.{0,40}$"
	"|please\\s+(?:add|allow|whitelist)\\b.{0,100}\\b(?:allowed\\s+sites|allow\\s*list|whitelist|exceptions)\\b.{0,20}$"
	"|if\\s+this\\s+does\\s+not\\s+(?:resolve|fix)\\s+the\\s+(?:issue|problem)\\b.{0,160}$"
	"|(?:please\\s+)?(?:disable|turn\\s+off|pause)\\s+your\\s+ad[- ]?block\\w*\\b.{0,100}$"
	"|we\\s+(?:humbly\\s+|sincerely\\s+)?apologi[sz]e\\s+for\\s+(?:the|any)\\s+inconvenience\\W{0,3}$"
	"|already\\s+(?:a\\s+)?(?:subscriber|member|subscribed)\\b.{0,40}$"
	"|unlock\\s+(?:unlimited\\s+|full\\s+|premium\\s+)?access\\b.{0,80}$"
	"|(?:subscribe|join|sign\\s+up)\\s+(?:now\\s+|today\\s+)?(?:and|to)\\s+(?:save|get|enjoy|unlock|keep\\s+reading|continue\\s+reading|read\\s+the\\s+full)\\b.{0,80}$"
	"|(?:log\\s*in|sign\\s+in|register)\\s+to\\s+(?:keep|continue)\\s+reading\\b.{0,60}$"
	"|this\\s+is\\s+an?\\s+(?:premium|subscriber|exclusive|members?)[\\w -]{0,20}\\s+(?:article|story|content)\\b.{0,80}$"
	"|(?:this\\s+)?(?:article|story|content)\\s+is\\s+(?:only\\s+|exclusively\\s+)?(?:available\\s+)?(?:only\\s+|exclusively\\s+)?(?:to|for)\\s+(?:our\\s+)?(?:paying\\s+|premium\\s+)?(?:subscribers|members)\\b.{0,60}$"
	"|comments\\s+on\\s+this\\s+(?:post|article|story)\\s+are\\s+for\\s+(?:paying\\s+)?subscribers\\b.{0,20}$"
	"|you\\s+have\\s+(?:reached|read)\\s+(?:your|the)\\s+(?:\\w+\\s+){0,3}(?:limit|articles|stories)\\b.{0,100}$"
	"|your\\s+(?:payment|billing|card)\\s+details\\b.{0,120}$"
	"|gift\\s+(?:a|this)\\s+(?:subscription|article|story)\\w*$"
	"|by\\s+(?:signing\\s+up|subscribing|registering|continuing)\\b.{0,40}\\b(?:agree|accept|consent)\\b.{0,80}$"
	"|read\\s+(?:this|the\\s+full)\\s+(?:story|article)\\s+(?:from|on|at|in)\\s+.{1,60}$"
	"|more\\s+from\\s+[\\w'.& ]{1,30}$"
	/* machine translation, translators' notes and player notices */
	"|\\(?(?:the\\s+|this\\s+)?(?:content|text|article|story|page|report)\\s+(?:is|was|has\\s+been)\\s+(?:machine[- ]|automatically\\s+)?"
	"(?:translated|generated\\s+by\\b.{0,60}\\btranslat\\w*)\\b.{0,100}$"
	"|\\(?translated\\s+(?:from\\s+[a-z]+\\s+)?by\\s+[\\w'’. -]{1,40}\\)?\\.?\\)?$"
	/* app and website prompts */
	"|by\\s+subscribing,?\\s+you\\s+(?:can|will|help)\\b.{0,80}$"
	"|get\\s+all\\s+(?:your|the)\\s+news\\s+in\\s+one\\s+(?:place|app)\\b.{0,20}$"
	"|\\d[\\d,]*\\+?['’]?s?\\s+of\\s+(?:premium\\s+)?(?:titles|publications|magazines|newspapers)\\.?$"
	"|(?:find\\s+out|discover|see|check\\s+out|explore)\\s+what['’]s\\s+new\\s+(?:on|in|at)\\b.{0,60}$"
	"|error\\s+loading\\s+(?:the\\s+)?(?:player|media|video)\\b.{0,80}$"
	"|\\[\\w{1,20}\\]$"
	")",
	AT_RE_CASELESS | AT_RE_UNICODE);

/*
 * Script and data residue (case-sensitive): statements, object literal
 * lines, JSON object lines.  Tried only on lines that open with a
 * lower-case letter, "{" or "$" (script_start), as text lines do not.
 */
static AtRegex re_script = AT_REGEX(
	"^(?:"
	"(?:var|let|const)\\s+[\\w$]+\\s*=.{0,300}$"
	"|function\\s*[\\w$]*\\s*\\(.{0,300}$"
	"|[\\w$.]+\\(.{0,300}[;{]$"
	"|[a-z_$][\\w$]*\\s*:\\s*(?:\"[^\"]*\"|'[^']*'|-?\\d+(?:\\.\\d+)?|true|false|null)\\s*,?$"
	"|\\{\\s*\"[\\w$-]+\"\\s*:.{0,300}\\}\\s*,?$"
	")",
	AT_RE_UNICODE);

/*
 * Legal and licence notices anywhere in a short line (caseless).  Tried
 * only on lines that hold one of legal_keys (may_be_legal): a prose line
 * rarely does, and the pattern has to be tried at every position.
 */
static AtRegex re_legal = AT_REGEX(
	"all\\s+rights\\s+reserved"
	"|icp\\s*(?:备|证|license|registration|no\\b)|公网安备|信息服务许可证|视听节目许可证"
	"|registration\\s+number|license\\s+for\\s+(?:publishing|internet)"
	"|(?:licen[cs]e|registration)\\s+no\\b"
	"|pressreader"
	"|copyright\\s+of\\s+(?:the|this)\\s+(?:article|story|content|photo|picture)"
	"|if\\s+there\\s+is\\s+any\\s+infringement"
	"|please\\s+contact\\s+us\\s+at\\s+\\S+@"
	"|(?:reproduction|reprint|republication|redistribution)\\b.{0,60}\\bwithout\\b.{0,40}\\bpermission"
	/* subscription appeals: journalism that needs readers' support */
	"|\\bjournalism\\s+(?:is|has\\s+never\\s+been)\\s+(?:more\\s+|so\\s+)?(?:crucial|important|vital|essential|needed)\\s+(?:than\\s+ever|now)\\b"
	"|\\bsupport\\s+(?:our\\s+|independent\\s+|quality\\s+|trusted\\s+)+journalism\\b"
	/* a wire service's notice, or its tail on a line of its own when hard-wrapped */
	"|\\bbroadcast,\\s*(?:re)?written\\s+or\\s+redistributed\\b"
	/* a photo's credit, alone or glued to its alt text: "... Image copyright PA" */
	"|(?-i:Image)\\s+copyright\\s+[^.!?]{1,60}$"
	"|\\bjournalism\\s+(?:needs|depends\\s+on)\\s+(?:your|readers['’]?)\\s+support\\b",
	AT_RE_CASELESS | AT_RE_UNICODE);

/*
 * re_legal's one alternative anchored at the line's start, apart: a comment
 * form's moderation notice, the whole line.  In re_legal, that branch kept
 * PCRE2 from skipping to the positions where another one can start (a
 * table of first bytes), so every byte of the line tried every branch.
 * Tried behind the same gate (may_be_legal), after re_legal.
 */
static AtRegex re_legal_line = AT_REGEX(
	"^(?:[\\w'’-]+(?:,\\s*|\\s+(?:and|or)\\s+|\\s+)){0,4}comments?\\s+(?:(?:containing|with|that|which)\\b[^.]{0,60}?\\s)?"
	"(?:may|will|can)\\s+be\\s+(?:removed|deleted|rejected|edited)\\s+(?:by\\s+(?:the\\s+|our\\s+)?(?:moderators?|administrators?)"
	"|without\\s+(?:prior\\s+)?(?:notice|warning)|at\\s+(?:our|the)\\s+[\\w'’]+\\s+discretion)\\.?$",
	AT_RE_CASELESS | AT_RE_UNICODE);

/*
 * Lower-case keys of re_legal and re_legal_line: a line without any of
 * them can match neither.
 * Each key has at least three bytes (may_be_legal() tests three at once).
 */
static const char *const legal_keys[] = {
	"rights", "icp", "\xe5\x85\xac\xe7\xbd\x91", "\xe8\xae\xb8\xe5\x8f\xaf\xe8\xaf\x81",
	"registration", "licen", "pressreader", "copyright", "infringement", "contact",
	"permission", "journalism", "moderator", "administrator", "without notice",
	"without prior", "without warning", "discretion", "redistributed",
};

/* may_be_legal() keeps a bit per key */
_Static_assert(AT_LENGTHOF(legal_keys) <= 32, "legal_keys: at most 32 keys");

/*
 * A photo or video credit at the end of a short line: the line is a caption
 * (or a bare credit), not article text.  Case-sensitive: "Image:" and
 * "[Photo/Xinhua]" are labels, "the image: ..." is prose.  The credit is
 * group 0's match; what precedes it is the caption.
 */
static AtRegex re_caption = AT_REGEX(
	"(?:[\\[(【]\\s*(?:Photo|Photos|PHOTO|Image|Video|Graphic|Chart|Infographic|Illustration)"
	"(?:\\s*(?:/|:|by\\b|provided\\b|courtesy\\b|taken\\b)[^\\])】]{0,80})?\\s*[\\])】]"
	"|\\((?:Xinhua|Reuters|AFP|AP|VCG|IC|CFP|CNS|ECNS|Photo|China Daily|Global Times)\\s*/\\s*[^)]{1,60}\\)"
	"|(?:^|\\s)(?:Image|Images|Photo|Photos|PHOTO|PHOTOS|Video|Photograph|Photo [Cc]redit|Credit)s? ?:\\s*[A-Z0-9][^.!?: ]*(?: [^.!?: ]+){0,4}\\.?"
	"|(?:^|\\s)(?:Photo|Photos|Image)\\s+by\\s+[A-Z][^.!?:]{0,60}\\.?"
	"|(?<=[.!?\"”])\\s*/\\s*[A-Z][\\w.]{1,20}(?:\\s[A-Z][\\w.]{1,20})?"
	"|(?<=[.!?\"”])\\s+(?:Ti Gong|Imaginechina|VCG|IC|CFP|Getty Images|EPA|IC Photo)"
	"|(?<=[.!?\"”])\\s+\\((?:Yonhap|Newsis|News1|EPA|VCG|IC|CFP|Getty Images)\\)"
	/* "... Nov 17, 2009. [Xinhua]": the agency in square brackets after the sentence */
	"|(?<=[.!?\"”])\\s*\\[(?:Xinhua|Reuters|AFP|AP|Agencies|China Daily|CFP|IC|VCG|CNS|ECNS|EPA|Getty Images|Imaginechina)\\]"
	")\\s*$",
	AT_RE_UNICODE);

/* ---- small helpers ------------------------------------------------------- */

static inline char
lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Is s[0..len) the lower-case word w, caselessly? */
static bool
word_is(const char *s, size_t len, const char *w)
{
	size_t		i;

	for (i = 0; i < len && w[i]; i++)
		if (lower(s[i]) != w[i])
			return false;
	return i == len && w[i] == '\0';
}


/*
 * Class of a word (W_*), or 0.  The table is searched from the first
 * entry of the word's first letter (an index built on first use), as the
 * metadata parser asks about the first word of nearly every line.
 */
static int
word_class(const char *s, size_t len)
{
	static uint16_t first[27];	/* entries start at first[c - 'a'] .. first[c - 'a' + 1] */
	static uint16_t order[AT_LENGTHOF(chrome_words)];
	static bool indexed = false;
	int			c0 = lower(s[0]) - 'a';

	if (!indexed)
	{
		size_t		k = 0;

		for (int c = 0; c < 26; c++)
		{
			first[c] = (uint16_t) k;
			for (size_t i = 0; i < AT_LENGTHOF(chrome_words); i++)
				if (chrome_words[i].word[0] == 'a' + c)
					order[k++] = (uint16_t) i;
		}
		first[26] = (uint16_t) k;
		indexed = true;
	}
	if (c0 < 0 || c0 >= 26)
		return 0;
	for (int k = first[c0]; k < first[c0 + 1]; k++)
		if (word_is(s, len, chrome_words[order[k]].word))
			return chrome_words[order[k]].cls;
	return 0;
}

/*
 * Normalise a short line for table lookup: lower case, runs of white space
 * as one space, no final colon.  Returns false when it does not fit.
 */
static bool
normalise(const char *s, size_t start, size_t end, char *out, size_t cap, size_t *olen)
{
	size_t		o = 0;
	bool		space = false;

	for (size_t p = start; p < end; p++)
	{
		char		c = s[p];

		if (c == ' ' || c == '\t')
		{
			space = true;
			continue;
		}
		if (space && o > 0)
		{
			if (o >= cap)
				return false;
			out[o++] = ' ';
		}
		space = false;
		if (o >= cap)
			return false;
		out[o++] = lower(c);
	}
	while (o > 0 && (out[o - 1] == ':' || out[o - 1] == ' '))
		o--;
	*olen = o;
	return true;
}

/*
 * Is the line one of chrome_lines (as normalise() makes it)?  Only final
 * colons and spaces are trimmed, so a byte other than a colon that the
 * normal form holds past the longest entry's length rules the line out:
 * a line of text stops there, without being copied.
 */
static bool
chrome_whole_line(const char *s, size_t start, size_t end)
{
	static size_t longest = 0;
	char		norm[64];
	size_t		nlen,
				o = 0;
	bool		space = false;

	if (longest == 0)
		for (size_t i = 0; i < AT_LENGTHOF(chrome_lines); i++)
			longest = AT_MAX(longest, strlen(chrome_lines[i]));
	/* normalise()'s length so far */
	for (size_t p = start; p < end; p++)
	{
		char		c = s[p];

		if (c == ' ' || c == '\t')
		{
			space = true;
			continue;
		}
		o += (space && o > 0) + 1;
		space = false;
		if (o > longest && c != ':')
			return false;
	}
	return normalise(s, start, end, norm, sizeof(norm), &nlen) &&
		at_word_in(norm, nlen, chrome_lines, AT_LENGTHOF(chrome_lines));
}

static bool
no_letters(const char *s, size_t start, size_t end)
{
	for (size_t p = start; p < end; p++)
		if (at_alnum_at(s, end, p))
			return false;
	return true;
}

/* No letter at all (digits allowed): "0", "00:58" */
static bool
no_alpha(const char *s, size_t start, size_t end)
{
	for (size_t p = start; p < end; p++)
		if ((unsigned char) s[p] >= 0x80 || at_is_ascii_alpha((unsigned char) s[p]))
			return false;
	return true;
}

/* No ASCII letter or digit: a language link ("中文") on an English page */
static bool
no_ascii_alnum(const char *s, size_t start, size_t end)
{
	for (size_t p = start; p < end; p++)
		if (at_is_ascii_alpha((unsigned char) s[p]) || (s[p] >= '0' && s[p] <= '9'))
			return false;
	return true;
}

/*
 * One short token alone that no text line is: a stray figure of an
 * infographic ("1885km", "2,600km"), a lone letter ("X", a close button).
 * Dates and plain counts are left to the other rules.
 */
static bool
residue_token(const char *s, size_t start, size_t end)
{
	if (end - start > MAX_RESIDUE_BYTES || memchr(s + start, ' ', end - start))
		return false;
	if (end - start == 1)
		return at_is_ascii_alpha((unsigned char) s[start]);
	if (!(s[start] >= '0' && s[start] <= '9') || !at_is_ascii_alpha((unsigned char) s[end - 1]))
		return false;
	for (size_t p = start; p < end; p++)
		if ((unsigned char) s[p] >= 0x80)
			return false;
	return at_match_date(s, end, start, NULL) == 0;
}

/* Photo agencies whose name alone on a line is a credit ("Ti Gong", "VCG") */
static const char *const photo_agencies[] = {
	"cfp", "getty images", "ic photo", "imaginechina", "ti gong", "vcg",
};

/* Publishers and agencies after "NAME / " on a credit line ("Jiang Wei / SHINE") */
static const char *const credit_owners[] = {
	"afp", "ap", "cfp", "cgtn", "china daily", "cns", "ecns", "epa", "ic",
	"reuters", "shine", "vcg", "xinhua", "yonhap",
};

/*
 * A photo credit alone on its line, which introduces the caption below it
 * (SHINE, KBS): a photo agency's name, or "NAME / AGENCY".
 */
static bool
credit_line(const char *s, size_t start, size_t end)
{
	const char *slash;
	size_t		a;

	if (end - start > 60)
		return false;
	if (at_word_in(s + start, end - start, photo_agencies, AT_LENGTHOF(photo_agencies)))
		return true;
	slash = memchr(s + start, '/', end - start);
	if (!slash || slash == s + start || slash[-1] != ' ' || memchr(slash + 1, '/', s + end - slash - 1))
		return false;
	a = at_skip_space(s, end, (size_t) (slash - s) + 1);
	return a < end && s[start] >= 'A' && s[start] <= 'Z' &&
		at_word_in(s + a, end - a, credit_owners, AT_LENGTHOF(credit_owners));
}

/* Is the line a bare photo credit (see credit_line)? */
bool
at_chrome_credit_line(const char *s, size_t start, size_t end)
{
	start = at_skip_space(s, end, start);
	end = at_trim_space_end(s, start, end);
	return end > start && credit_line(s, start, end);
}

/* Labels that open a caption line: "Image caption, ...", "(Header image: ...)" */
static const char *const caption_labels[] = {
	"Image caption,", "Image caption:", "Image caption ", "Media caption", "FILE PHOTO:",
	"(Header image:", "(Header photo:", "(Top image:",
};

/* A caption by its opening label */
static bool
image_caption(const char *s, size_t start, size_t end)
{
	if (end - start <= 16 || end - start > MAX_CHROME_LINE)
		return false;
	for (size_t i = 0; i < AT_LENGTHOF(caption_labels); i++)
	{
		size_t		l;

		if (s[start] != caption_labels[i][0])
			continue;
		l = strlen(caption_labels[i]);
		if (end - start > l && memcmp(s + start, caption_labels[i], l) == 0)
			return true;
	}
	return false;
}

static bool sentence_end(const char *s, size_t start, size_t end);
static int	count_words(const char *s, size_t start, size_t end, int cap);

/* Every word a hashtag ("#labor #gig-economy"), or one short tag ("#rural China") */
static bool
hashtag_line(const char *s, size_t start, size_t end)
{
	if (s[start] != '#')
		return false;
	if (end - start <= MAX_TAG_BYTES && count_words(s, start, end, MAX_TAG_WORDS) <= MAX_TAG_WORDS &&
		!sentence_end(s, start, end) && end - start > 1 && s[start + 1] != ' ')
		return true;
	for (size_t p = start; p + 1 < end; p++)
		if (s[p] == ' ' && s[p + 1] != '#' && s[p + 1] != ' ')
			return false;
	return true;
}

/* Does the line end like a sentence ('.', '!', '?', possibly in quotes)? */
static bool
sentence_end(const char *s, size_t start, size_t end)
{
	while (end > start)
	{
		uint32_t	cp;
		int			n = at_utf8_decode_prev(s, end, &cp);

		if (cp == '"' || cp == '\'' || cp == ')' || at_cp_is_close_quote(cp))
		{
			end -= n;
			continue;
		}
		/* "Add your comments..." : an ellipsis ends no sentence */
		if (cp == '.' && end - start >= 3 && s[end - 2] == '.' && s[end - 3] == '.')
			return false;
		return cp == '.' || cp == '!' || cp == '?' || cp == 0x3002;
	}
	return false;
}

/* Words (runs of non-space) of s[start..end), counting no further than cap+1 */
static int
count_words(const char *s, size_t start, size_t end, int cap)
{
	int			words = 0;
	bool		in_word = false;

	for (size_t p = start; p < end && words <= cap; p++)
	{
		bool		sp = s[p] == ' ' || s[p] == '\t';

		if (!sp && !in_word)
			words++;
		in_word = !sp;
	}
	return words;
}

/* ---- vocabulary lines --------------------------------------------------------- */

/* End of a run of non-ASCII letters at p (a word of another script) */
static size_t
foreign_run_end(const char *s, size_t end, size_t p)
{
	while (p < end && (unsigned char) s[p] >= 0x80)
	{
		uint32_t	cp;
		int			n = at_utf8_decode(s + p, end - p, &cp);

		if (!at_cp_is_alpha(cp))
			break;
		p += n;
	}
	return p;
}

/*
 * A short line without a Latin letter but with letters of another script
 * ("이 기사를 공유합니다", "댓글 0", a line of Chinese keywords): on the
 * English pages this classifier is for, such a line is a widget, a
 * language link or a label of the site's own language, never article
 * text.  Dates ("2019年4月29日") are left to the metadata parser.
 */
static bool
foreign_label_line(const char *s, size_t start, size_t end)
{
	int			run = 0;
	bool		word = false;

	if (end - start > MAX_FOREIGN_LINE)
		return false;
	for (size_t p = start; p < end;)
	{
		uint32_t	cp = (unsigned char) s[p];
		int			n = 1;

		if (cp < 0x80)
		{
			if (at_is_ascii_alpha((unsigned char) cp))
				return false;
			run = 0;
		}
		else
		{
			n = at_utf8_decode(s + p, end - p, &cp);
			run = at_cp_is_alpha(cp) ? run + 1 : 0;
			/* a word of two letters or more, not a sign such as "元" */
			if (run >= 2)
				word = true;
		}
		p += n;
	}
	return word && at_match_date(s, end, start, NULL) == 0;
}

/* A byte of a vocabulary token: ASCII letter, digit, '-', '+' or '\'' */
static inline bool
token_byte(char c)
{
	return at_is_ascii_alpha((unsigned char) c) || (c >= '0' && c <= '9') ||
		c == '-' || c == '+' || c == '\'';
}

/*
 * A line made of chrome words ("Print E-mail", "Share - WeChat", "Adjust
 * font size:", "User name required", "Chinanews App Download", "Go to Forum
 * >>0 Comment(s)").  Every token is a chrome word, a number or filler, or
 * one of at most MAX_BRAND_WORDS capitalised unknown words (a site or app
 * name); a strong word, or two weak ones, must outnumber the unknown ones.
 * Other characters (punctuation, symbols, non-ASCII non-letters) separate.
 */
static bool
vocabulary_line(const char *s, size_t start, size_t end)
{
	int			strong = 0,
				weak = 0,
				unknown = 0,
				words = 0;

	if (sentence_end(s, start, end))
		return false;
	for (size_t p = start; p < end;)
	{
		size_t		w;
		int			cls;

		if (!token_byte(s[p]))
		{
			uint32_t	cp = (unsigned char) s[p];
			int			n = 1;

			if (cp >= 0x80)
			{
				n = at_utf8_decode(s + p, end - p, &cp);
				if (at_cp_is_alpha(cp))
				{
					/* a word in another script: chrome only if a widget word */
					size_t		w = foreign_run_end(s, end, p);

					if (!at_word_in(s + p, w - p, foreign_chrome_words,
									AT_LENGTHOF(foreign_chrome_words)))
						return false;
					if (++words > MAX_VOCAB_WORDS)
						return false;
					strong++;
					p = w;
					continue;
				}
			}
			p += n;
			continue;
		}
		for (w = p; w < end && token_byte(s[w]); w++)
			;
		if (++words > MAX_VOCAB_WORDS)
			return false;
		cls = word_class(s + p, w - p);
		/* "-Share-", "E-mail-": try again without the dashes around */
		if (cls == 0)
		{
			size_t		a = p,
						b = w;

			while (a < b && (s[a] == '-' || s[a] == '\''))
				a++;
			while (b > a && (s[b - 1] == '-' || s[b - 1] == '\''))
				b--;
			if (b > a && (a > p || b < w))
				cls = word_class(s + a, b - a);
			if (cls == 0 && b > a && s[a] >= '0' && s[a] <= '9')
			{
				size_t		q = a;

				while (q < b && s[q] >= '0' && s[q] <= '9')
					q++;
				if (q == b)
					cls = W_FILLER; /* a number: counts, years */
			}
			if (cls == 0 && b == a)
				cls = W_FILLER; /* only dashes */
		}
		if (cls == W_STRONG)
			strong++;
		else if (cls == W_WEAK)
			weak++;
		else if (cls == 0)
		{
			if (!(s[p] >= 'A' && s[p] <= 'Z') || ++unknown > MAX_BRAND_WORDS)
				return false;
		}
		p = w;
	}
	if (strong == 0 && weak < 2)
		return false;
	return strong + weak > unknown;
}

bool
at_chrome_word_in(const char *s, size_t start, size_t end)
{
	for (size_t p = start; p < end;)
	{
		size_t		w;

		if (!at_is_ascii_alpha((unsigned char) s[p]))
		{
			p++;
			continue;
		}
		for (w = p; w < end && token_byte(s[w]); w++)
			;
		if (word_class(s + p, w - p) >= W_WEAK)
			return true;
		p = w;
	}
	return false;
}

/* ---- breadcrumbs -------------------------------------------------------------- */

/* Separator of breadcrumb segments at p: 2 for ">", "»", "›", 1 for "|", "/"; 0 if none */
static int
crumb_sep(const char *s, size_t end, size_t p, int *n)
{
	*n = 1;
	if (s[p] == '>')
	{
		while (p + *n < end && s[p + *n] == '>')
			(*n)++;
		return 2;
	}
	if (s[p] == '|' || s[p] == '/')
		return 1;
	if (p + 1 < end && (unsigned char) s[p] == 0xc2 && (unsigned char) s[p + 1] == 0xbb)
	{
		*n = 2;
		return 2;				/* » */
	}
	if (p + 2 < end && memcmp(s + p, "\xe2\x80\xba", 3) == 0)
	{
		*n = 3;
		return 2;				/* › */
	}
	return 0;
}

/*
 * A segment of a breadcrumb: 1 to MAX_CRUMB_WORDS words of letters (and
 * "&", "'", "-", "."), the first capitalised, not a byline ("By ...").
 */
static bool
crumb_segment(const char *s, size_t p, size_t e, bool *root)
{
	int			words = 0;
	size_t		first_end = e;

	p = at_skip_space(s, e, p);
	e = at_trim_space_end(s, p, e);
	if (p >= e || !(s[p] >= 'A' && s[p] <= 'Z'))
		return false;
	for (size_t q = p; q < e; q++)
	{
		char		c = s[q];

		if (c == ' ')
		{
			if (words == 0)
				first_end = q;
			continue;
		}
		if (q == p || s[q - 1] == ' ')
			words++;
		if (!(at_is_ascii_alpha((unsigned char) c) || c == '&' || c == '\'' || c == '-' || c == '.'))
			return false;
	}
	if (words > MAX_CRUMB_WORDS || word_is(s + p, first_end - p, "by"))
		return false;
	*root = at_word_in(s + p, e - p, crumb_roots, AT_LENGTHOF(crumb_roots));
	return true;
}

/*
 * "Home > News > China", "World » Asia", "Home | Business", "Opinion /
 * Columnists": two or more short labels joined by a separator.  Joined by
 * "|" or "/" only, the first must be a root ("Home") or every label at
 * most two words: "Photos | Time-tripping steam train" is a headline.
 */
static bool
breadcrumb_line(const char *s, size_t start, size_t end)
{
	int			segments = 0,
				strongest = 0,
				max_words = 0;
	bool		first_root = false;
	size_t		seg = start;

	if (end - start > MAX_CRUMBS * 40)
		return false;
	/*
	 * The loop below stops at the first byte that is neither a label's nor
	 * a separator's, and a line without a separator is one segment: so
	 * find the first byte that is no label's with a table, and stop unless
	 * a separator is there (what nearly every line of text does at its
	 * first comma or digit, or at its end).
	 */
	{
		static bool label_byte[256];
		static bool indexed = false;
		size_t		p = start;
		int			n;

		if (!indexed)
		{
			for (int c = 0; c < 256; c++)
				label_byte[c] = at_is_ascii_alpha((unsigned char) c) || c == ' ' || c == '&' ||
					c == '\'' || c == '-' || c == '.';
			indexed = true;
		}
		while (p < end && label_byte[(unsigned char) s[p]])
			p++;
		if (p == end || crumb_sep(s, end, p, &n) == 0)
			return false;
	}
	for (size_t p = start; p <= end;)
	{
		int			n = 1,
					k = p < end ? crumb_sep(s, end, p, &n) : 1;
		bool		root;

		if (k == 0)
		{
			/* a byte no label holds: most lines stop at their first digit or comma */
			if (!(at_is_ascii_alpha((unsigned char) s[p]) || s[p] == ' ' || s[p] == '&' ||
				  s[p] == '\'' || s[p] == '-' || s[p] == '.'))
				return false;
			p++;
			continue;
		}
		if (!crumb_segment(s, seg, p, &root))
			return false;
		if (segments == 0)
			first_root = root;
		max_words = AT_MAX(max_words, count_words(s, seg, p, MAX_CRUMB_WORDS));
		if (++segments > MAX_CRUMBS)
			return false;
		if (p < end)
			strongest = AT_MAX(strongest, k);
		p += n;
		seg = p;
	}
	if (segments < 2)
		return false;
	return strongest == 2 || first_root || max_words <= 2;
}

/* ---- one line ------------------------------------------------------------------- */

/*
 * A line that opens by closing a script's string, call or block and ending
 * the statement: `"); jQuery(...)`, `'); });`, `}); });`.  Scrapes of
 * players and widgets leave such lines (RTHK copies); no text line opens
 * with a closing bracket.  Looks at the first bytes only, so it is tried
 * on lines of any length (the residue may hold a whole script).
 */
static bool
closing_script_residue(const char *s, size_t start, size_t end)
{
	size_t		p = start,
				closers = 0;

	while (p < end && p - start < 3 && (s[p] == '"' || s[p] == '\'' || s[p] == '`'))
		p++;
	for (; p < end && (s[p] == ')' || s[p] == '}' || s[p] == ']' || s[p] == ' '); p++)
		closers += s[p] != ' ';
	return closers > 0 && (p == end || s[p] == ';' || s[p] == ',');
}

/* Can a line of script residue start with c? */
static inline bool
script_start(char c)
{
	return (c >= 'a' && c <= 'z') || c == '{' || c == '$' || c == '_';
}

/*
 * "... in Tokyo, Japan, December 28, 2023. REUTERS/Kim Kyung-Hoon/File
 * Photo": an agency in capitals, a slash and one or two credit parts
 * closing the line after a sentence.  Where the credit begins (its space),
 * or 0.  Looks at the last MAX_SLASH_CREDIT bytes only.
 */
static size_t
slash_credit(const char *s, size_t start, size_t end)
{
	size_t		lo = end - start > MAX_SLASH_CREDIT ? end - MAX_SLASH_CREDIT : start,
				a,
				parts = 0;
	const char *q = memchr(s + lo, '/', end - lo);

	if (q == NULL)
		return 0;
	a = (size_t) (q - s);
	while (a > start && s[a - 1] >= 'A' && s[a - 1] <= 'Z')
		a--;
	if ((size_t) (q - s) - a < 2 || a < start + 2 || s[a - 1] != ' ' ||
		!(s[a - 2] == '.' || s[a - 2] == '!' || s[a - 2] == '?' || s[a - 2] == '"' ||
		  (a >= start + 4 && memcmp(s + a - 4, "\xe2\x80\x9d", 3) == 0)))
		return 0;
	for (size_t p = (size_t) (q - s); p < end; p++)
	{
		char		c = s[p];

		if (c == '/')
		{
			if (++parts > 2 || p + 1 >= end || !(s[p + 1] >= 'A' && s[p + 1] <= 'Z'))
				return 0;
		}
		else if (!(at_is_ascii_alpha((unsigned char) c) || c == ' ' || c == '.' || c == '\'' || c == '-'))
			return 0;
	}
	return a - 1;
}

/*
 * Does the line hold one of legal_keys, caselessly (ASCII letters)?  One
 * pass over the line: tables of the keys' first three bytes, both cases,
 * built on first use from legal_keys (so that a key added there is gated
 * too).  A key is compared only where all three bytes allow it: a test on
 * every "r", "c" or "i" of a line mispredicted; every key has three bytes.
 */
static bool
may_be_legal(const char *s, size_t start, size_t end)
{
	static uint32_t keys_at[3][256];	/* bit i: legal_keys[i] has the byte at 0, 1, 2 */
	static bool no_key[256];	/* no key has the byte among its first three */
	static bool indexed = false;

	if (!indexed)
	{
		for (size_t i = 0; i < AT_LENGTHOF(legal_keys); i++)
			for (int j = 0; j < 3; j++)
			{
				unsigned char c = (unsigned char) legal_keys[i][j];

				keys_at[j][c] |= 1u << i;
				if (c >= 'a' && c <= 'z')
					keys_at[j][c - ('a' - 'A')] |= 1u << i;
			}
		for (int c = 0; c < 256; c++)
			no_key[c] = (keys_at[0][c] | keys_at[1][c] | keys_at[2][c]) == 0;
		indexed = true;
	}
	for (size_t p = start; p + 2 < end; p++)
	{
		uint32_t	ks;

		/* a space, "h", "y" ...: no key starts at p, p + 1 nor p + 2 */
		if (no_key[(unsigned char) s[p + 2]])
		{
			p += 2;
			continue;
		}
		ks = keys_at[0][(unsigned char) s[p]] & keys_at[1][(unsigned char) s[p + 1]] &
			keys_at[2][(unsigned char) s[p + 2]];

		for (; ks; ks &= ks - 1)
		{
			const char *k = legal_keys[__builtin_ctz(ks)];
			size_t		j;

			for (j = 3; k[j] && p + j < end && lower(s[p + j]) == k[j]; j++)
				;
			if (k[j] == '\0')
				return true;
		}
	}
	return false;
}

/*
 * Can re_caption match?  Its credits end the line with a bracket, or hold
 * a colon ("Image: NAME") or "Photo by"/"Image by": cheap tests first, as
 * nearly every line of a page is asked.
 */
static bool
may_be_caption(const char *s, size_t start, size_t end)
{
	unsigned char last = (unsigned char) s[end - 1];

	if (last == ']' || last == ')' || last == 0x91)	/* 0x91 ends "】" */
		return true;
	if (memchr(s + start, ':', end - start) || memchr(s + start, '/', end - start))
		return true;
	/* ". Ti Gong", ". VCG": a bare agency credit after the caption */
	if (end - start > 6 && (memcmp(s + end - 7, "Ti Gong", 7) == 0 || memcmp(s + end - 3, "VCG", 3) == 0 ||
							memcmp(s + end - 2, "IC", 2) == 0 || memcmp(s + end - 3, "CFP", 3) == 0 ||
							memcmp(s + end - 3, "EPA", 3) == 0 || memcmp(s + end - 6, "Images", 6) == 0 ||
							memcmp(s + end - 5, "china", 5) == 0))
		return true;
	/* " by " with a byte after it: found by its "y", rarer than spaces */
	for (const char *y = s + start; (y = memchr(y, 'y', s + end - y)) != NULL; y++)
		if (y - s >= (ptrdiff_t) start + 2 && y[-2] == ' ' && y[-1] == 'b' &&
			s + end - y > 2 && y[1] == ' ')
			return true;
	return false;
}

static int
regex_hit(AtRegex *re, const char *s, size_t len, AtMatch *m, AtStatus *status)
{
	int			rc = at_regex_match(re, s, len, 0, m);

	if (rc < 0)
	{
		if (status)
			*status = (AtStatus) -rc;
		return 0;
	}
	return rc;
}

static inline bool
ascii_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Can the byte be (the last byte of) a white-space character of \s? */
static inline bool
space_byte(unsigned char c)
{
	return ascii_space((char) c) || c >= 0x80;
}

/* Can a capital letter start at the byte (or a white space before one)? */
static inline bool
capital_byte(char c)
{
	return (c >= 'A' && c <= 'Z') || (unsigned char) c >= 0x80;
}

/*
 * What one of re_caption's alternatives needs, tried after may_be_caption()
 * byte by byte (a non-ASCII byte may be a space, a curly quote or a
 * bracket, so it passes): the line ends with a closing bracket and holds an
 * opening one before a capital ("[Photo/Xinhua]", "(Yonhap)", "【Photo】"),
 * or ends with the last letter of an agency ("... VCG", "Getty Images"),
 * or it holds a label's colon before a space ("Photo: NAME", "Credits:
 * NAME"), "by" after a label and before a capital ("Photo by NAME"), or a
 * slash after the end of a sentence and before a capital (". / NAME").
 * Most lines with a colon or a slash ("10:30", "and/or") have none of
 * these, and an unanchored try of the pattern costs a line's length times
 * its alternatives.  Unit-test builds (AT_COUNT_STEPS) check every line
 * this rejects against the pattern (at_chrome_line).
 */
static bool
caption_shape(const char *s, size_t start, size_t end)
{
	static const char agency_ends[] = "gaGCPsAo";
	static const char label_ends[] = "esoOSht";
	/* the bytes the loop below looks at: one load a byte instead of six tests */
	static const bool shape_byte[256] = {
		[':'] = true, ['/'] = true, ['b'] = true, ['('] = true, ['['] = true, [0x90] = true,
	};
	unsigned char last = (unsigned char) s[end - 1];
	bool		bracket = last == ']' || last == ')' || last == 0x91;

	if (memchr(agency_ends, last, sizeof(agency_ends) - 1))
		return true;
	for (size_t p = start; p < end; p++)
	{
		char		c = s[p];
		size_t		q = p,
					r = p + 1;

		if (!shape_byte[(unsigned char) c])
			continue;
		/* q: before the spaces ahead of p; r: after the spaces behind it */
		while (q > start && ascii_space(s[q - 1]))
			q--;
		while (r < end && ascii_space(s[r]))
			r++;
		/* "[Photo/", "(Xinhua /", " (Yonhap)", "【Photo" when the line ends with the bracket */
		if (bracket && (c != 'b' && c != ':' && c != '/') && r < end && capital_byte(s[r]))
			return true;
		if (c == ':' && p > start && p + 1 < end &&
			memchr(label_ends, s[p - 1], sizeof(label_ends) - 1) &&
			space_byte((unsigned char) s[p + 1]))
			return true;
		/* "Photo by NAME" */
		if (c == 'b' && p + 2 < end && s[p + 1] == 'y' && q < p && q > start &&
			(s[q - 1] == 'o' || s[q - 1] == 's' || s[q - 1] == 'e' || (unsigned char) s[q - 1] >= 0x80) &&
			space_byte((unsigned char) s[p + 2]))
		{
			size_t		n = p + 2;

			while (n < end && ascii_space(s[n]))
				n++;
			if (n < end && capital_byte(s[n]))
				return true;
		}
		if (c == '/' && q > start && r < end &&
			(s[q - 1] == '.' || s[q - 1] == '!' || s[q - 1] == '?' || s[q - 1] == '"' ||
			 (unsigned char) s[q - 1] >= 0x80) && capital_byte(s[r]))
			return true;
	}
	return false;
}

/*
 * Words that open re_chrome's alternatives (caselessly; a prefix is
 * enough): the pattern is anchored, so a line that opens with none of them
 * can only match the alternatives that open with a class (a number, "(",
 * "©", an e-mail address, "NAME is SITE's official ...").  A word added to
 * a pattern's first words belongs here too: unit-test builds check every
 * line this gate rejects against the pattern (gated_hit).
 */
static const char *const chrome_first_words[] = {
	"add", "also", "already", "article", "available", "best", "browser", "browsing", "by ",
	"categor", "check", "click", "comment", "contact", "content", "copyright", "current",
	"disable", "discover", "download", "e-mail", "email", "error", "explore", "fax",
	"filed", "find", "follow", "get", "gift", "have", "home", "hotline", "if ", "image",
	"install", "join", "key", "keywords",
	"leave", "loaded", "log", "more", "newspapers", "note", "our", "page", "pause",
	"phone", "please", "post", "progress", "read", "recommended", "register", "related",
	"scan", "see", "sign", "story", "submit", "subscribe", "tags", "take", "tel", "text",
	"translated",
	"report", "the article", "the content", "the page", "the report", "the story",
	"the text", "this", "turn", "unable",
	"unlock", "video", "viewing", "we ", "web browser", "why", "write", "you",
};

/* An apostrophe-s at p (' or the last byte of ’) before a space and n, o, e, d or m? */
static bool
site_possessive(const char *s, size_t p, size_t end)
{
	size_t		r = p + 2;

	if (r >= end)
		return false;
	/* a caseless "s" may be "ſ" */
	if ((unsigned char) s[p + 1] >= 0x80)
		return true;
	if ((s[p + 1] | 0x20) != 's' || !space_byte((unsigned char) s[r]))
		return false;
	while (r < end && ascii_space(s[r]))
		r++;
	return r < end && (strchr("noedm", s[r] | 0x20) != NULL || (unsigned char) s[r] >= 0x80);
}

/*
 * "SITE is NAME's official ...": an apostrophe-s before one of the
 * pattern's words ("official", "new media", "English", "digital", "mobile",
 * "online"), after a word "is"
 */
static bool
official_site_shape(const char *s, size_t start, size_t end)
{
	for (int k = 0; k < 2; k++)
	{
		const char	quote = k == 0 ? '\'' : '\x99';

		for (const char *q = memchr(s + start, quote, end - start); q != NULL;
			 q = memchr(q + 1, quote, s + end - q - 1))
		{
			size_t		p = (size_t) (q - s);

			if (!site_possessive(s, p, end))
				continue;
			for (size_t i = start + 1; i + 2 < p; i++)
				if ((s[i] | 0x20) == 'i' && ((s[i + 1] | 0x20) == 's' || (unsigned char) s[i + 1] >= 0x80) &&
					space_byte((unsigned char) s[i - 1]) && space_byte((unsigned char) s[i + 2]))
					return true;
		}
	}
	return false;
}

_Static_assert(AT_LENGTHOF(chrome_first_words) < 256, "chrome_first_words: index is uint8_t");

/* Can re_chrome match the line?  See chrome_first_words */
static bool
may_be_chrome(const char *s, size_t start, size_t end)
{
	static uint8_t first[27];	/* words of letter l: order[first[l] .. first[l + 1]) */
	static uint8_t order[AT_LENGTHOF(chrome_first_words)];
	static bool indexed = false;
	unsigned char c = (unsigned char) s[start];
	size_t		n = end - start;
	int			l0;

	if (c >= 0x80 || (c >= '0' && c <= '9') || c == '(' || c == '[' ||
		memchr(s + start, '@', n))
		return true;
	/* a caseless "k" or "s" may be written as a non-ASCII letter: K, ſ */
	for (size_t p = start; p < end && p < start + 12; p++)
		if ((unsigned char) s[p] >= 0x80)
			return true;
	/* the words of the line's first letter: an index built on first use */
	if (!indexed)
	{
		size_t		k = 0;

		for (int l = 0; l < 26; l++)
		{
			first[l] = (uint8_t) k;
			for (size_t i = 0; i < AT_LENGTHOF(chrome_first_words); i++)
				if (chrome_first_words[i][0] == 'a' + l)
					order[k++] = (uint8_t) i;
		}
		first[26] = (uint8_t) k;
#ifdef AT_COUNT_STEPS
		/* a word that opens with no letter a-z would not be indexed */
		if (k != AT_LENGTHOF(chrome_first_words))
			abort();
#endif
		indexed = true;
	}
	l0 = (c | 0x20) - 'a';
	if (l0 < 0 || l0 >= 26)
		l0 = 26;				/* no word: first[26] .. first[26] */
	for (int j = first[l0]; l0 < 26 && j < first[l0 + 1]; j++)
	{
		const char *w = chrome_first_words[order[j]];
		size_t		k = 1,
					p = start + 1;

		/* a space in a word stands for the pattern's \s+ */
		while (w[k] && p < end)
		{
			if (w[k] == ' ')
			{
				if (!ascii_space(s[p]))
					break;
				while (p < end && ascii_space(s[p]))
					p++;
			}
			else if (lower(s[p]) == w[k])
				p++;
			else
				break;
			k++;
		}
		if (w[k] == '\0')
			return true;
	}
	return official_site_shape(s, start, end);
}

/*
 * A pattern behind a gate: in unit-test builds (AT_COUNT_STEPS) a line the
 * gate rejects is tried too, and a match aborts the tests, naming the gate
 * to widen (a word or an alternative added to a pattern without its key).
 */
static int
gated_hit(bool gate, const char *gate_name, AtRegex *re, const char *s, size_t len,
		  AtMatch *m, AtStatus *status)
{
	if (gate)
		return regex_hit(re, s, len, m, status);
#ifdef AT_COUNT_STEPS
	if (regex_hit(re, s, len, m, NULL) > 0)
	{
		fprintf(stderr, "chrome.c: %s() rejects a line its pattern matches: \"%.*s\"\n",
				gate_name, (int) len, s);
		abort();
	}
#endif
	return 0;
}

AtChromeKind
at_chrome_line(const char *s, size_t start, size_t end, AtStatus *status)
{
	AtMatch		m;
	bool		legal;

	start = at_skip_space(s, end, start);
	end = at_trim_space_end(s, start, end);
	if (end > start && closing_script_residue(s, start, end))
		return AT_CHROME_MARKUP;
	if (end == start || end - start > MAX_CHROME_LINE)
		return AT_CHROME_NONE;
	/* no letter or digit; a short count or duration ("0", "00:58") that is no date; a language link */
	if (no_letters(s, start, end) ||
		(end - start <= 8 && no_alpha(s, start, end) && at_match_date(s, end, start, NULL) == 0) ||
		(end - start <= 12 && no_ascii_alnum(s, start, end)))
		return AT_CHROME_MARKUP;
	if (foreign_label_line(s, start, end))
		return AT_CHROME_NAV;
	if (residue_token(s, start, end))
		return AT_CHROME_MARKUP;
	if (credit_line(s, start, end))
		return AT_CHROME_CAPTION;
	if (image_caption(s, start, end))
		return AT_CHROME_CAPTION;
	if (hashtag_line(s, start, end))
		return AT_CHROME_NAV;
	if (chrome_whole_line(s, start, end))
		return AT_CHROME_NAV;
	if (vocabulary_line(s, start, end))
		return AT_CHROME_WIDGET;
	if (breadcrumb_line(s, start, end))
		return AT_CHROME_NAV;
	if (script_start(s[start]) && regex_hit(&re_script, s + start, end - start, &m, status))
		return AT_CHROME_MARKUP;
	if (slash_credit(s, start, end) > start)
		return AT_CHROME_CAPTION;
	if (gated_hit(may_be_chrome(s, start, end), "may_be_chrome", &re_chrome,
				  s + start, end - start, &m, status))
		return AT_CHROME_LEGAL;
	legal = may_be_legal(s, start, end);
	if (gated_hit(legal, "may_be_legal", &re_legal, s + start, end - start, &m, status) ||
		gated_hit(legal, "may_be_legal", &re_legal_line, s + start, end - start, &m, status))
		return AT_CHROME_LEGAL;
	if (gated_hit(may_be_caption(s, start, end) && caption_shape(s, start, end),
				  "caption_shape", &re_caption, s + start, end - start, &m, status))
		return AT_CHROME_CAPTION;
	return AT_CHROME_NONE;
}

size_t
at_chrome_caption_end(const char *s, size_t start, size_t end)
{
	AtMatch		m;
	size_t		k;

	start = at_skip_space(s, end, start);
	end = at_trim_space_end(s, start, end);
	if (image_caption(s, start, end))
		return end;
	if (end > start && (k = slash_credit(s, start, end)) > start)
		return at_trim_space_end(s, start, k);
	if (end == start || end - start > MAX_CHROME_LINE ||
		at_regex_match(&re_caption, s + start, end - start, 0, &m) <= 0)
		return start;
	return at_trim_space_end(s, start, start + m.start[0]);
}

size_t
at_chrome_item_at(const char *s, size_t end, size_t p)
{
	size_t		q = p,
				w;
	int			cls;

	/* "0 Comment(s)", "12 views", "3 likes" */
	while (q < end && s[q] >= '0' && s[q] <= '9')
		q++;
	if (q > p)
	{
		size_t		r = at_skip_space(s, end, q);

		for (w = r; w < end && at_is_ascii_alpha((unsigned char) s[w]); w++)
			;
		if (w == r || !(word_is(s + r, w - r, "comment") || word_is(s + r, w - r, "comments") ||
						word_is(s + r, w - r, "views") || word_is(s + r, w - r, "likes") ||
						word_is(s + r, w - r, "shares") || word_is(s + r, w - r, "reads")))
			return 0;
		if (w + 3 <= end && memcmp(s + w, "(s)", 3) == 0)
			w += 3;
		return w - p;
	}
	/* "Go to Forum" */
	if (p + 11 <= end && word_is(s + p, 11, "go to forum"))
		return 11;
	/* a strong widget word: "Print", "E-mail", "Share" */
	for (w = p; w < end && (at_is_ascii_alpha((unsigned char) s[w]) || s[w] == '-'); w++)
		;
	if (w == p || (w < end && (unsigned char) s[w] >= 0x80 && at_alnum_at(s, end, w)))
		return 0;
	cls = word_class(s + p, w - p);
	return cls == W_STRONG ? w - p : 0;
}

/* ---- lines of a page ---------------------------------------------------------- */

size_t
at_scraper_prefix(const char *s, size_t start, size_t end, AtDate *d)
{
	AtDate		dd;
	size_t		p = at_skip_space(s, end, start),
				n,
				q;

	memset(&dd, 0, sizeof(dd));
	if (end - p < 12 || memcmp(s + p, "date ", 5) != 0)
		return 0;
	p += 5;
	/* YYYY-MM-DD, or YYYY-MM when the scraper cut it */
	for (q = p; q < end && q - p < 10 && ((s[q] >= '0' && s[q] <= '9') || s[q] == '-'); q++)
		;
	if (q - p == 10 && s[p + 4] == '-' && s[p + 7] == '-')
	{
		n = at_match_date(s, q, p, &dd);
		if (n != 10)
			return 0;
	}
	else if (!(q - p == 7 && s[p + 4] == '-' && at_match_date(s, q, p, NULL) == 0))
		return 0;
	if (q < end && s[q] != ' ' && s[q] != '\t')
		return 0;
	if (d)
		*d = dd;
	return at_skip_space(s, end, q) - start;
}

AtStatus
at_page_lines(const char *s, size_t len, AtVec *lines)
{
	AtStatus	status = AT_OK;
	bool		pending_break = false;

	if (len >= UINT32_MAX)
		return AT_ERR_TOO_LARGE;
	for (size_t pos = 0, iter = 0; pos < len; iter++)
	{
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t		eol = nl ? (size_t) (nl - s) : len;
		size_t		st = at_skip_space(s, eol, pos),
					en = at_trim_space_end(s, st, eol);

		if ((iter & 1023) == 0)
			AT_CHECK_INTERRUPTS();
		if (en == st)
		{
			if (lines->len > 0)
				pending_break = true;
		}
		else
		{
			AtPageLine *ln;

			/* the first line without a scraper's date prefix */
			if (lines->len == 0)
			{
				size_t		k = at_scraper_prefix(s, st, en, NULL);

				if (k > 0 && st + k < en)
					st += k;
			}
			ln = at_vec_push(lines);

			ln->start = (uint32_t) st;
			ln->end = (uint32_t) en;
			ln->break_before = pending_break;
			ln->chrome = (uint8_t) at_chrome_line(s, st, en, &status);
			pending_break = false;
		}
		pos = eol + 1;
	}
	return status;
}

/* A prose line: not chrome, ends like a sentence and has some words, or is long */
static bool
prose_line(const char *s, const AtPageLine *ln)
{
	if (ln->chrome != AT_CHROME_NONE)
		return false;
	if (ln->end - ln->start > MAX_CHROME_LINE)
		return true;
	return sentence_end(s, ln->start, ln->end) &&
		count_words(s, ln->start, ln->end, MIN_PROSE_WORDS) >= MIN_PROSE_WORDS;
}

/* A short label without sentence punctuation or brackets, of at most max_words */
static bool
label_line(const char *s, const AtPageLine *ln, int max_words)
{
	char		last = s[ln->end - 1];

	if (ln->chrome != AT_CHROME_NONE || ln->end - ln->start > MAX_CONTEXT_BYTES)
		return false;
	if (sentence_end(s, ln->start, ln->end) || last == ')' || last == ']' || last == ',' || last == ';')
		return false;
	return count_words(s, ln->start, ln->end, max_words) <= max_words;
}

/* A heading of a trailing block: listed, or of the form of list_heading_* */
static bool
tail_heading(const char *norm, size_t nlen)
{
	size_t		first = 0,
				last = nlen;
	int			words = 1;

	if (at_word_in(norm, nlen, tail_headings, AT_LENGTHOF(tail_headings)))
		return true;
	for (size_t p = 0; p < nlen; p++)
		if (norm[p] == ' ')
		{
			if (++words > 5)
				return false;
			if (first == 0)
				first = p;
			last = p + 1;
		}
	return words >= 2 &&
		at_word_in(norm, first, list_heading_first, AT_LENGTHOF(list_heading_first)) &&
		at_word_in(norm + last, nlen - last, list_heading_last, AT_LENGTHOF(list_heading_last));
}

/* Link-like: a line of a trailing block of links or citations, no sentence end */
static bool
link_like(const char *s, const AtPageLine *ln)
{
	char		last = s[ln->end - 1];

	if (ln->end - ln->start > 300)
		return false;
	return last != '.' && last != '!' && last != '?';
}

/* "- HEADLINE", "• HEADLINE": an item of a related-story list */
static bool
bullet_link(const char *s, const AtPageLine *ln)
{
	size_t		p = ln->start;

	if (!link_like(s, ln))
		return false;
	if (s[p] == '-' || s[p] == '*')
		p++;
	else if (ln->end - p >= 3 && (memcmp(s + p, "\xe2\x80\xa2", 3) == 0 || memcmp(s + p, "\xc2\xb7", 2) == 0))
		p += (unsigned char) s[p] == 0xe2 ? 3 : 2;
	else
		return false;
	return p < ln->end && s[p] == ' ';
}

/* A date (and time) alone: "05-08-20 14:32 BJT", "March 3, 2021" */
static bool
date_line(const char *s, const AtPageLine *ln)
{
	AtDate		d;
	size_t		n = at_match_date(s, ln->end, ln->start, &d);

	return n > 0 && d.has_year && d.has_day && ln->start + n == ln->end;
}

/* Two or more sentences of one or two words each, short: a site's slogan */
static bool
slogan_line(const char *s, const AtPageLine *ln)
{
	int			sentences = 0,
				words = 0;
	bool		in_word = false;

	if (ln->end - ln->start > MAX_CONTEXT_BYTES || !sentence_end(s, ln->start, ln->end))
		return false;
	for (size_t p = ln->start; p < ln->end; p++)
	{
		char		c = s[p];

		if (c == '.' || c == '!' || c == '?')
		{
			if (in_word)
				words++;
			if (words > 2)
				return false;
			if (words > 0)
				sentences++;
			words = 0;
			in_word = false;
		}
		else if (c == ' ')
		{
			if (in_word)
				words++;
			in_word = false;
		}
		else
			in_word = true;
	}
	return sentences >= 2;
}

/* Chrome of the site's template (not a caption, which belongs to the article) */
static inline bool
widget_chrome(const AtPageLine *ln)
{
	return ln->chrome != AT_CHROME_NONE && ln->chrome != AT_CHROME_CAPTION;
}

void
at_chrome_context(const char *s, AtPageLine *L, size_t n)
{
	size_t		first = n,
				last = n,
				heading = SIZE_MAX;

	/* the first and last prose lines */
	for (size_t i = 0; i < n; i++)
	{
		if ((i & 1023) == 0)
			AT_CHECK_INTERRUPTS();
		if (prose_line(s, &L[i]))
		{
			if (first == n)
				first = i;
			last = i;
		}
	}

	/*
	 * Before the first prose line: a one- or two-word label between two
	 * chrome lines.  Headlines stand there too, so no more than that.
	 */
	for (size_t i = 1; i + 1 < AT_MIN(first, n); i++)
		if (widget_chrome(&L[i - 1]) && widget_chrome(&L[i + 1]) &&
			label_line(s, &L[i], MAX_HEAD_CONTEXT_WORDS))
			L[i].chrome = AT_CHROME_CONTEXT;

	/*
	 * After the last prose line: labels next to chrome, both ways.  Not next
	 * to a caption: a photo gallery's headings are part of the article.
	 */
	if (last < n)
	{
		for (size_t i = last + 2; i < n; i++)
			if (widget_chrome(&L[i - 1]) && label_line(s, &L[i], MAX_CONTEXT_WORDS))
				L[i].chrome = AT_CHROME_CONTEXT;
		for (size_t i = n - 1; i > last + 1; i--)
			if (widget_chrome(&L[i]) && label_line(s, &L[i - 1], MAX_CONTEXT_WORDS))
				L[i - 1].chrome = AT_CHROME_CONTEXT;
	}

	/*
	 * After the last prose line: a date alone (the page's date repeated
	 * under the body), a slogan of one- or two-word sentences next to
	 * chrome ("Swipe. Select. Stay informed."), and the short labels that
	 * end the page ("Today's Standard").  A signature ("-- BERNAMA") is
	 * such a label too; parse_article reads its source first.
	 */
	if (last < n)
		for (size_t i = last + 1; i < n; i++)
		{
			if (L[i].chrome != AT_CHROME_NONE)
				continue;
			if (date_line(s, &L[i]) || (widget_chrome(&L[i - 1]) && slogan_line(s, &L[i])))
				L[i].chrome = AT_CHROME_CONTEXT;
		}
	/* the short labels that close the page, among its chrome */
	if (last < n)
		for (size_t i = n; i > last + 1; i--)
		{
			if (L[i - 1].chrome != AT_CHROME_NONE)
				continue;
			if (!label_line(s, &L[i - 1], MAX_TAIL_LABEL_WORDS))
				break;
			L[i - 1].chrome = AT_CHROME_CONTEXT;
		}

	/* "ALSO READ" / HEADLINE: the one related headline under its heading */
	for (size_t i = 0; i + 1 < n; i++)
	{
		char		norm[64];
		size_t		nlen;

		if (L[i].chrome == AT_CHROME_NONE || L[i + 1].chrome != AT_CHROME_NONE ||
			!normalise(s, L[i].start, L[i].end, norm, sizeof(norm), &nlen) ||
			!at_word_in(norm, nlen, link_headings, AT_LENGTHOF(link_headings)))
			continue;
		if (!sentence_end(s, L[i + 1].start, L[i + 1].end) &&
			count_words(s, L[i + 1].start, L[i + 1].end, MAX_LINK_WORDS) <= MAX_LINK_WORDS)
			L[i + 1].chrome = AT_CHROME_CONTEXT;
	}

	/* after the last prose line: a run of two or more bulleted headlines */
	if (last < n)
		for (size_t i = last + 1; i < n;)
		{
			size_t		k = i;

			while (k < n && (L[k].chrome == AT_CHROME_NONE || L[k].chrome == AT_CHROME_CONTEXT) &&
				   bullet_link(s, &L[k]))
				k++;
			if (k - i >= 2)
				for (size_t j = i; j < k; j++)
					L[j].chrome = AT_CHROME_CONTEXT;
			i = k > i ? k : i + 1;
		}

	/* a trailing block of links or citations under a heading */
	for (size_t j = n; j > 0; j--)
	{
		AtPageLine *ln = &L[j - 1];
		char		norm[64];
		size_t		nlen;

		if ((j & 1023) == 0)
			AT_CHECK_INTERRUPTS();
		if (normalise(s, ln->start, ln->end, norm, sizeof(norm), &nlen) && tail_heading(norm, nlen))
			heading = j - 1;
		else if (ln->chrome == AT_CHROME_NONE && !link_like(s, ln))
			break;
	}
	if (heading != SIZE_MAX)
		for (size_t i = heading; i < n; i++)
			if (L[i].chrome == AT_CHROME_NONE)
				L[i].chrome = AT_CHROME_CONTEXT;
}

AtStatus
at_chrome_spans(const char *s, size_t len, AtVec *out)
{
	AtVec		lines;
	AtStatus	status;

	at_vec_init(&lines, out->mem, sizeof(AtPageLine));
	status = at_page_lines(s, len, &lines);
	/* a scraper's date prefix left out of the first line is chrome too */
	if (lines.len > 0)
	{
		AtPageLine *first = AT_VEC_AT(&lines, AtPageLine, 0);
		size_t		st = 0;

		while (st < first->start && (s[st] == ' ' || s[st] == '\t' || s[st] == '\n' || s[st] == '\r'))
			st++;
		if (st < first->start && at_scraper_prefix(s, st, first->end, NULL) > 0)
		{
			AtSpan	   *sp = at_vec_push(out);

			sp->start = st;
			sp->len = first->start - st;
		}
	}
	at_chrome_context(s, (AtPageLine *) lines.data, lines.len);
	for (size_t i = 0; i < lines.len; i++)
	{
		AtPageLine *ln = AT_VEC_AT(&lines, AtPageLine, i);

		if (ln->chrome != AT_CHROME_NONE)
		{
			AtSpan	   *sp = at_vec_push(out);

			sp->start = ln->start;
			sp->len = ln->end - ln->start;
		}
	}
	if (lines.data)
		at_free(out->mem, lines.data);
	return status;
}

bool
at_chrome_cursor_in(AtChromeCursor *cur, size_t pos)
{
	const AtVec *v = cur->spans;

	while (cur->next < v->len)
	{
		AtSpan	   *sp = AT_VEC_AT(v, AtSpan, cur->next);

		if (pos < sp->start)
			return false;
		if (pos < sp->start + sp->len)
			return true;
		cur->next++;
	}
	return false;
}
