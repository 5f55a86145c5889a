import type { NameRecord, NameShard } from '../../lib/name-index.ts';
import { closest, editDistance, normalizeName } from '../../lib/names.ts';
import {
	FILTER_NAMES,
	META,
	RECORD_MARK,
	type FilterName,
	type SortName,
} from '../../lib/search-contract.ts';
import type { Kind, Status } from '../../schema/vocabulary.ts';

/**
 * The pure half of search: matching names against shards, ordering full-text results, and turning
 * index records into result rows. Nothing here fetches or touches the DOM, so it is tested on its own.
 */

export type Filters = Record<FilterName, string[]>;
export const NO_FILTERS: Filters = { topic: [], kind: [], status: [] };

export type Match = 'name' | 'prefix' | 'typo' | 'text';

/** One result row, ready to show. */
export interface Row {
	id: string;
	href: string;
	title: string;
	kind: Kind;
	topicTitle: string;
	status: Status;
	year?: number | undefined;
	/** The only markup is <mark>; every other character is escaped. */
	excerpt: string;
	match: Match;
}

export interface NameHit {
	id: string;
	record: NameRecord;
	topicTitle: string;
	/** The alias as written, when the match was on an alias. */
	alias?: string | undefined;
	/** The title or alias that matched, as written. */
	matched: string;
	match: Exclude<Match, 'text'>;
	length: number;
}

const TYPO_MIN_LENGTH = 4;
const MATCH_ORDER: Match[] = ['name', 'prefix', 'typo'];

function classify(normalized: string, name: string): NameHit['match'] | undefined {
	if (name === normalized) return 'name';
	if (name.startsWith(normalized)) return 'prefix';
	if (normalized.length >= TYPO_MIN_LENGTH && editDistance(normalized, name, 1) <= 1) return 'typo';
	return undefined;
}

export const passes = (filters: Filters, values: Record<FilterName, string>) =>
	FILTER_NAMES.every((name) => !filters[name].length || filters[name].includes(values[name]));

/**
 * Entries whose title or alias equals the query, starts with it, or is one edit from it, best
 * first: exact matches, then prefixes (shortest name first), then typos. A typo is a guess, so
 * when any name matches exactly the typos are dropped.
 */
export function findNames(
	normalized: string,
	shards: NameShard[],
	filters: Filters = NO_FILTERS,
): NameHit[] {
	if (!normalized) return [];
	const found = new Map<string, NameHit>();
	for (const shard of shards) {
		for (const [name, id, alias] of shard.names) {
			const match = classify(normalized, name);
			if (!match) continue;
			const record = shard.entries[id]!;
			const [title, kind, topic, status] = record;
			if (!passes(filters, { kind, topic, status })) continue;
			const previous = found.get(id);
			const rank = MATCH_ORDER.indexOf(match);
			if (previous) {
				const previousRank = MATCH_ORDER.indexOf(previous.match);
				if (previousRank < rank || (previousRank === rank && previous.length <= name.length))
					continue;
			}
			const topicTitle = shard.topics[topic] ?? topic;
			found.set(id, {
				id,
				record,
				topicTitle,
				alias,
				matched: alias ?? title,
				match,
				length: name.length,
			});
		}
	}
	const hits = [...found.values()].sort(
		(a, b) =>
			MATCH_ORDER.indexOf(a.match) - MATCH_ORDER.indexOf(b.match) ||
			a.length - b.length ||
			a.record[0].localeCompare(b.record[0]),
	);
	return hits.some((hit) => hit.match === 'name')
		? hits.filter((hit) => hit.match !== 'typo')
		: hits;
}

/** Only typos matched: the query was most likely meant as the best of them. */
export const correctionFor = (hits: NameHit[]): NameHit | undefined =>
	hits.length && hits.every((hit) => hit.match === 'typo') ? hits[0] : undefined;

/** The nearest name within three edits, to offer when nothing matched. */
export function suggestionFor(normalized: string, shards: NameShard[]) {
	const owners = new Map<string, { shard: NameShard; id: string }>();
	for (const shard of shards) for (const [name, id] of shard.names) owners.set(name, { shard, id });
	const name = closest(normalized, [...owners.keys()], 3);
	if (name === undefined) return undefined;
	const { shard, id } = owners.get(name)!;
	return { id, title: shard.entries[id]![0] };
}

export const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rowFromName(hit: NameHit, href: string): Row {
	const [title, kind, , status, year] = hit.record;
	return {
		id: hit.id,
		href,
		title,
		kind,
		topicTitle: hit.topicTitle,
		status,
		year: year || undefined,
		excerpt: hit.alias ? `Also known as <mark>${escapeHtml(hit.alias)}</mark>` : '',
		match: hit.match,
	};
}

/** What Pagefind returns for one page (the fields used here). */
export interface Fragment {
	url: string;
	raw_content: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	weighted_locations: { location: number; balanced_score: number; weight: number }[];
}

export const WORD_SEPARATORS = /[^\S\uFEFF]+/;
export const EXCERPT_WORDS = 24;

/**
 * An excerpt from the entry's prose only: the densest run of matched words before the search
 * record begins, with the matched words marked. Undefined when the query matched only the record
 * (a name, alias, tag or the summary), or when the excerpt would merely repeat the title.
 */
export function proseExcerpt(fragment: Fragment, length = EXCERPT_WORDS): string | undefined {
	const words = fragment.raw_content.split(WORD_SEPARATORS);
	const proseEnd = words.indexOf(RECORD_MARK);
	const end = proseEnd === -1 ? words.length : proseEnd;
	const located = fragment.weighted_locations.filter((word) => word.location < end);
	if (!located.length) return undefined;
	const scores: number[] = Array.from({ length: end }, () => 0);
	for (const word of located) scores[word.location]! += word.balanced_score;
	let start = 0;
	let best = -1;
	for (let first = 0; first + Math.min(length, end) <= end; first++) {
		const sum = scores.slice(first, first + length).reduce((total, score) => total + score, 0);
		if (sum > best) [best, start] = [sum, first];
	}
	const title = fragment.meta[META.title] ?? '';
	const titleWords = title.split(WORD_SEPARATORS);
	const window = words.slice(start, Math.min(end, start + length));
	const repeatsTitle = titleWords.every((word, index) => window[index] === word);
	const skip = repeatsTitle ? titleWords.length : 0;
	const marked = new Set(located.map((word) => word.location));
	const body = window
		.map((word, index) =>
			marked.has(start + index) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word),
		)
		.slice(skip)
		.join(' ')
		.trim();
	if (!body) return undefined;
	return `${start + skip > 0 ? '… ' : ''}${body}${start + length < end ? ' …' : ''}`;
}

export function rowFromFragment(fragment: Fragment, match: Match): Row {
	const { meta, filters } = fragment;
	const summary = escapeHtml(meta[META.summary] ?? '');
	return {
		id: meta[META.id]!,
		href: fragment.url,
		title: meta[META.title]!,
		kind: filters.kind?.[0] as Kind,
		topicTitle: meta[META.topicTitle] ?? '',
		status: filters.status?.[0] as Status,
		year: Number(meta[META.year]) || undefined,
		excerpt: match === 'text' ? (proseExcerpt(fragment) ?? summary) : summary,
		match,
	};
}

/** A full-text result before its data is loaded: Pagefind's id and score. */
export interface Scored {
	id: string;
	score: number;
}

/**
 * Orders the results of a query of several words: those matching every word (Pagefind's own
 * search of the whole query, in its order) first, then those matching more of the words before
 * those matching fewer, then by score.
 */
export function rankByWords<T extends Scored>(everyWord: T[], perWord: T[][]): T[] {
	const seen = new Set(everyWord.map((result) => result.id));
	const some = new Map<string, { result: T; words: number; score: number }>();
	for (const results of perWord) {
		for (const result of results) {
			if (seen.has(result.id)) continue;
			const entry = some.get(result.id) ?? { result, words: 0, score: 0 };
			entry.words += 1;
			entry.score += result.score;
			some.set(result.id, entry);
		}
	}
	const rest = [...some.values()]
		.sort((a, b) => b.words - a.words || b.score - a.score)
		.map(({ result }) => result);
	return [...everyWord, ...rest];
}

/** Moves the entries whose names matched to the front, in the names' order; the rest keep theirs. */
export function namesFirst(rows: Row[], names: NameHit[]): Row[] {
	const order = new Map(names.map((hit, index) => [hit.id, index]));
	const named = rows
		.filter((row) => order.has(row.id))
		.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
	return [...named, ...rows.filter((row) => !order.has(row.id))];
}

/**
 * Among results that match every word, those where the words stand together as the query has
 * them ("platform as a service") come first; the rest keep their order.
 */
export function phraseFirst(fragments: Fragment[], query: string): Fragment[] {
	const phrase = normalizeName(query);
	if (!phrase.includes(' ')) return fragments;
	const has = (fragment: Fragment) =>
		` ${normalizeName(fragment.raw_content)} `.includes(` ${phrase} `);
	return [...fragments.filter(has), ...fragments.filter((fragment) => !has(fragment))];
}

/** Words too common to find anything on their own: "platform as a service" is not about "a". */
const STOP_WORDS = new Set(
	'a an and are as at be by for from in into is it of on or the to with'.split(' '),
);

/** The words of a query for the "some of the words" pass, without stop words. */
export const queryWords = (query: string) => [
	...new Set(
		query
			.trim()
			.toLowerCase()
			.split(/\s+/)
			.filter((word) => word && !STOP_WORDS.has(word)),
	),
];

export type Sort = SortName | 'relevance';

/** Relevance with a query; without one, by year when only papers are listed, else by title. */
export function defaultSort(query: string, filters: Filters): Sort {
	if (query.trim()) return 'relevance';
	return filters.kind.length === 1 && filters.kind[0] === 'paper' ? 'year' : 'title';
}

/** Pagefind's sort option for an order. */
export const pagefindSort = (sort: Sort) => (sort === 'relevance' ? undefined : { [sort]: 'asc' });

/** Pagefind's filter option for the ticked filters. */
export const pagefindFilters = (filters: Filters) =>
	Object.fromEntries(
		FILTER_NAMES.filter((name) => filters[name].length).map((name) => [
			name,
			{ any: filters[name] },
		]),
	);

/** The filters without one of them: what a count for that filter's options is taken under. */
export const withoutFilter = (filters: Filters, name: FilterName): Filters => ({
	...filters,
	[name]: [],
});

export type Counts = Record<FilterName, Record<string, number>>;
