#!/usr/bin/env node
/*
 * gen_ner_extra.js: training sentences for the entity tagger from openly
 * licensed corpora other than GMB, in GMB's CSV format (UTF-8, said in the
 * header line), for train_ner's NER_EXTRA (make ner-try; the shipped
 * model is GMB's alone).  Every source and its licence is credited in
 * NOTICE.
 *
 *   node src/tools/gen_ner_extra.js FORMAT BASE FILE... > OUT.csv
 *
 * FORMAT says how FILEs are laid out and what their labels mean:
 *   conll     "token<TAB>BIO-label" lines, blank line between sentences
 *             (Broad Twitter Corpus; CrossNER, whose politician and person
 *             become per, politicalparty and organisation org, country and
 *             location geo, the rest nothing);
 *   iob2      Universal NER: "# comments", "index<TAB>token<TAB>label ...";
 *   re3d      dstl/re3d: FILE is a folder with documents.json and
 *             entities.json (mongoexport lines); text is split into
 *             sentences and tokens here;
 *   gum       ../shared/corpus/gum-news/gum_news.jsonl without the frozen
 *             test documents (test/entities/splits/gum_test.txt, or the
 *             list in GUM_TEST_LIST), GUM's conventions brought to the
 *             extension's (gumConventions below).
 * BASE: first sentence number; numbers go up by 10 from it, so a BASE of
 * 1 mod 10 keeps every sentence out of GMB's dev (0 mod 10) and tune
 * (5 mod 10) splits.
 *
 * Conventions brought to GMB's (gmb.h) and the extension's: a name starts
 * with a capital or digit (re3d's "rebels", "mourners" are no names), a
 * leading article is not in it ("the British Army" -> "British Army");
 * tweets lose URLs, @handles and the # of hashtags.  Titles before a person
 * are dropped by gmb.c as for GMB.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const [format, baseArg, ...files] = process.argv.slice(2);
if (!format || !baseArg || files.length === 0) {
	console.error('usage: gen_ner_extra.js conll|iob2|re3d|gum BASE FILE...');
	process.exit(2);
}
let num = parseInt(baseArg, 10);

const KIND = {
	PER: 'per', PERSON: 'per', POLITICIAN: 'per',
	ORG: 'org', ORGANISATION: 'org', ORGANIZATION: 'org', POLITICALPARTY: 'org',
	LOC: 'geo', LOCATION: 'geo', COUNTRY: 'geo', GPE: 'geo',
};
const ARTICLES = new Set(['the', 'The', 'THE', 'a', 'A', 'an', 'An']);

const CONNECTORS = new Set(['of', 'and', 'the', 'for', 'de', 'del', 'da', 'du', 'des', 'la', 'le',
	'von', 'van', 'der', 'den', 'on', 'in', 'at', 'al', 'el', 'bin', 'ibn', 'y', 'e', 'to']);
const PREPOSITIONS = new Set(['in', 'at', 'on', 'to']);
let skipped = 0;
const out = ['Sentence #,Word,POS,Tag,UTF-8'];

function csv(s) {
	return /[",]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/*
 * One sentence: words and kinds (null or per/org/geo) with span starts
 * marked by begin[i].  Spans are trimmed to the conventions above.
 */
function emit(words, kinds, begin) {
	const n = words.length;
	const tags = new Array(n).fill('O');
	for (let i = 0; i < n; i++) {
		if (!kinds[i] || !(begin[i] || i === 0 || kinds[i - 1] !== kinds[i]))
			continue;
		let e = i + 1;
		while (e < n && kinds[e] === kinds[i] && !begin[e])
			e++;
		let s = i;
		while (s < e && ARTICLES.has(words[s]))
			s++;
		if (s < e && /^[\p{Lu}\p{Lt}0-9]/u.test(words[s])) {
			/* "U.S. service members": a description, not a name; no
			 * tag would teach the right thing, so the sentence goes */
			for (let k = s + 1; k < e; k++)
				if (/^\p{Ll}/u.test(words[k]) && !CONNECTORS.has(words[k])) {
					skipped++;
					return;
				}
			tags[s] = 'B-' + kinds[i];
			for (let k = s + 1; k < e; k++)
				tags[k] = 'I-' + kinds[i];
		}
		i = e - 1;
	}
	if (n === 0 || words.some((w) => w.length >= 120) || kinds.includes('skip'))
		return;
	for (let i = 0; i < n; i++) {
		const pos = /^\p{Lu}/u.test(words[i]) ? 'NNP' : 'NN';
		out.push((i === 0 ? 'Sentence: ' + num : '') + ',' + csv(words[i]) + ',' + pos + ',' + tags[i]);
	}
	num += 10;
}

/* A token of a tweet kept as news text would have it, or null */
function tweetWord(w) {
	if (/^(https?:|www\.)/i.test(w) || /^@/.test(w) || w === '@' || w === 'RT')
		return null;
	return w.length > 1 ? w.replace(/^#/, '') : w;
}

function labelKind(label) {
	if (!label || label === 'O')
		return [null, false];
	const m = /^([BIES])-(.*)$/.exec(label);
	if (!m)
		return [null, false];
	return [KIND[m[2].toUpperCase()] || null, m[1] === 'B' || m[1] === 'S'];
}

function readColumns(file, tokenCol, labelCol) {
	const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
	let words = [], kinds = [], begin = [];
	const tweets = /broad_twitter|\/[abefgh]\.conll$/.test(file);
	for (const line of lines.concat([''])) {
		if (line.startsWith('#') && tokenCol > 0)
			continue;
		if (line.trim() === '') {
			emit(words, kinds, begin);
			words = []; kinds = []; begin = [];
			continue;
		}
		const col = line.split('\t');
		let w = col[tokenCol];
		const [kind, b] = labelKind(col[labelCol]);
		if (tweets)
			w = tweetWord(w);
		if (w === null || w === undefined || w === '')
			continue;
		words.push(w);
		kinds.push(kind);
		begin.push(b);
	}
}

/* re3d: documents and entities as JSON lines; sentences split here */
function readRe3d(dir) {
	const docs = new Map();
	for (const l of fs.readFileSync(path.join(dir, 'documents.json'), 'utf8').split('\n'))
		if (l.trim()) {
			const d = JSON.parse(l);
			docs.set(d._id, { text: d.text, ents: [] });
		}
	for (const l of fs.readFileSync(path.join(dir, 'entities.json'), 'utf8').split('\n')) {
		if (!l.trim())
			continue;
		const e = JSON.parse(l);
		const kind = KIND[e.type.toUpperCase()];
		if (kind && docs.has(e.documentId) && e.confidence >= 0.5)
			docs.get(e.documentId).ents.push({ s: e.begin, e: e.end, kind });
	}
	for (const doc of docs.values())
		emitDocument(doc);
}

/* A text with entity spans (character offsets): sentences and tokens made here */
function emitDocument(doc) {
	const text = doc.text;
	/* longest first: a nested shorter mention loses to its container */
	doc.ents.sort((a, b) => (b.e - b.s) - (a.e - a.s));
	/* whole noun phrases (GUM): one that is no name leaves its inner names */
	if (doc.namesOnly)
		doc.ents = doc.ents.filter((e) => {
			const ws = text.slice(e.s, e.e).split(/\s+/).filter(Boolean);
			while (ws.length && ARTICLES.has(ws[0]))
				ws.shift();
			return ws.length > 0 && /^[\p{Lu}0-9]/u.test(ws[0]) &&
				ws.every((w) => !/^\p{Ll}/u.test(w) || CONNECTORS.has(w) && !PREPOSITIONS.has(w));
		});
	const owner = new Array(text.length).fill(null);
	for (const e of doc.ents) {
		let free = true;
		for (let k = e.s; k < e.e && free; k++)
			free = owner[k] === null;
		if (free)
			for (let k = e.s; k < e.e; k++)
				owner[k] = e;
	}
	const re = /[\p{L}\p{N}]+(?:[-'\u2019.&][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
	let words = [], kinds = [], begin = [], m;
	let prevOwner = null;
	while ((m = re.exec(text)) !== null) {
		let w = m[0];
		/* a final period is a token of its own unless an abbreviation */
		let trail = false;
		if (w.length > 1 && w.endsWith('.') && !/^(\p{L}\.)+$|^(Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Sgt|Capt|St|Jr|Sr|U\.S|U\.K)\.$/u.test(w)) {
			w = w.slice(0, -1);
			trail = true;
		}
		const o = owner[m.index];
		words.push(w);
		kinds.push(o ? o.kind : null);
		begin.push(o !== null && o !== prevOwner);
		prevOwner = o;
		/* a line break ends a sentence too (headlines, datelines) */
		const end = trail || /^[.!?]$/.test(w) ||
			(doc.namesOnly && /^[ \t]*\n/.test(text.slice(re.lastIndex, re.lastIndex + 3)));
		if (trail) {
			words.push('.');
			kinds.push(null);
			begin.push(false);
			prevOwner = null;
		}
		if (end && /^\s+[\p{Lu}"\u201c0-9]|^\s*$/u.test(text.slice(re.lastIndex, re.lastIndex + 2))) {
			emit(words, kinds, begin);
			words = []; kinds = []; begin = [];
			prevOwner = null;
		}
	}
	emit(words, kinds, begin);
}

/* A list of src/data, lower case, without comments (read once) */
const lists = new Map();
function dataList(name) {
	if (!lists.has(name)) {
		const file = path.join(__dirname, '..', 'data', name);
		lists.set(name, new Set(fs.readFileSync(file, 'utf8').split('\n')
			.filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.trim().toLowerCase())));
	}
	return lists.get(name);
}

/*
 * GUM's conventions brought to the extension's where they differ: a country
 * that acts ("North Korea fired") is a place, not an organization; a person
 * mention with a title or an organization in front ("NASA Administrator
 * Charles Bolden", "President Obama") and a doctrine typed as an
 * organization ("Scientology") would teach spans the extension does not
 * report, so their sentences go (kind 'skip').
 */
function gumConventions(text, ents) {
	const places = dataList('article_tools_ner_places.txt');
	const titles = dataList('article_tools_ner_titles.txt');
	const bare = (e) => text.slice(e.s, e.e).replace(/^(the|The) /, '').replace(/['\u2019]s?$/, '');
	for (const e of ents) {
		const words = bare(e).split(/\s+/);
		if (e.kind === 'org' && places.has(bare(e).toLowerCase()))
			e.kind = 'geo';
		else if (e.kind === 'org' && words.length === 1 && /(ology|ism)$/.test(words[0]))
			e.kind = 'skip';
		else if (e.kind === 'per' && (words.some((w) => titles.has(w.toLowerCase()) ||
			titles.has(w.toLowerCase() + '.')) ||
			ents.some((o) => o !== e && o.kind !== 'per' && o.s === e.s && o.e < e.e)))
			e.kind = 'skip';
	}
	return ents;
}

/*
 * GUM news (gum_news.jsonl): person, place and organization mentions that
 * hold a proper noun; the documents of the frozen test list are left out.
 * Whole noun phrases become names by the conventions above (a leading
 * article goes, a span with other lower-case words drops its sentence).
 */
function readGum(file, testList) {
	const test = new Set(fs.readFileSync(testList, 'utf8').split(/\s+/).filter(Boolean));
	const KINDS = { person: 'per', place: 'geo', organization: 'org' };
	for (const l of fs.readFileSync(file, 'utf8').split('\n')) {
		if (!l.trim())
			continue;
		const d = JSON.parse(l);
		if (test.has(d.id))
			continue;
		const chars = Array.from(d.text);
		const unit = [];		/* code point offset -> UTF-16 offset */
		let u = 0;
		for (const ch of chars) {
			unit.push(u);
			u += ch.length;
		}
		unit.push(u);
		const ents = d.entities.filter((e) => KINDS[e.type] && e.has_propn)
			.map((e) => ({ s: unit[e.start], e: unit[e.end], kind: KINDS[e.type] }));
		emitDocument({ text: d.text, ents: gumConventions(d.text, ents), namesOnly: true });
	}
}

for (const f of files) {
	if (format === 'conll')
		readColumns(f, 0, 1);
	else if (format === 'iob2')
		readColumns(f, 1, 2);
	else if (format === 're3d')
		readRe3d(f);
	else if (format === 'gum')
		readGum(f, process.env.GUM_TEST_LIST || 'test/entities/splits/gum_test.txt');
	else {
		console.error('unknown format ' + format);
		process.exit(2);
	}
}
process.stdout.write(out.join('\n') + '\n');
console.error(`${(num - parseInt(baseArg, 10)) / 10} sentences, ${skipped} left out (a name span with lower-case words)`);
