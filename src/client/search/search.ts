import type { NameShard } from '../../lib/name-index.ts';
import { normalizeName } from '../../lib/names.ts';
import { FILTER_NAMES } from '../../lib/search-contract.ts';
import { entryPath } from '../../lib/urls.ts';
import { farShards, loadPagefind, nearShards, type Pagefind, type PagefindResult } from './load.ts';
import {
	correctionFor,
	findNames,
	namesFirst,
	NO_FILTERS,
	pagefindFilters,
	pagefindSort,
	phraseFirst,
	queryWords,
	WORD_SEPARATORS,
	rankByWords,
	rowFromFragment,
	rowFromName,
	suggestionFor,
	withoutFilter,
	type Counts,
	type Filters,
	type NameHit,
	type Row,
	type Sort,
} from './rank.ts';

/**
 * Runs a query against two indexes built at compile time. The name shards answer searches for a
 * tool by name on their own, typos included, which Pagefind cannot do; Pagefind's full-text index
 * adds everything else, and is loaded only when it is needed.
 */

export const PAGE_SIZE = 20;
const TYPO_MIN_LENGTH = 4;

export interface Outcome {
	/** Every result the query has; `rows` holds the first of them, `more()` the next page. */
	total: number;
	rows: Row[];
	more(): Promise<Row[]>;
	/** The name searched instead of the query, when the query looked like a typo of it. */
	corrected?: string | undefined;
	/** A close name to offer when nothing matched. */
	suggestion?: { title: string; href: string } | undefined;
	/** Too short to search the full text for: no name matched, and the reader is still typing. */
	tooShort?: boolean;
}

/**
 * A one-letter query that names nothing is a reader part way through a name. Searching the full
 * text for it would load the whole full-text index on the first keystroke, for results no one wants.
 */
const FULL_TEXT_MIN_LENGTH = 2;

async function lookUpNames(normalized: string) {
	if (!normalized) return { hits: [] as NameHit[], shards: [] };
	let shards = await nearShards(normalized);
	let hits = findNames(normalized, shards);
	if (!hits.length && normalized.length >= TYPO_MIN_LENGTH) {
		shards = [...shards, ...(await farShards(normalized))];
		hits = findNames(normalized, shards);
	}
	return { hits, shards };
}

/** Full-text results: every word matched first, then some of the words (see rankByWords). */
async function textResults(engine: Pagefind, query: string, filters: Filters, sort: Sort) {
	const options = { filters: pagefindFilters(filters), sort: pagefindSort(sort) };
	const words = queryWords(query);
	const everyWord = await withoutStubMatches(
		(await engine.search(query.trim() || null, options))?.results ?? [],
		words,
	);
	if (words.length < 2) return everyWord;
	const perWord = await Promise.all(words.map((word) => engine.search(word, options)));
	return rankByWords(
		everyWord,
		perWord.map((response) => response?.results ?? []),
	);
}

/**
 * Pagefind answers a long word it does not know with a one- or two-letter word that the query
 * begins with ("kubrnetesx" finds the "k" of "k ports"). For a query of long words, a result
 * whose every match is such a stub is noise; the few results of a misspelt word are checked.
 */
async function withoutStubMatches(results: PagefindResult[], words: string[]) {
	if (!words.length || words.some((word) => word.length < 5) || results.length > 20) return results;
	const kept = await Promise.all(
		results.map(async (result) => {
			const { raw_content, weighted_locations } = await result.data();
			const tokens = raw_content.split(WORD_SEPARATORS);
			const real = weighted_locations.some(
				({ location }) => (tokens[location] ?? '').replace(/\W/g, '').length >= 3,
			);
			return real ? result : undefined;
		}),
	);
	return kept.filter((result) => result !== undefined);
}

function pages(results: PagefindResult[], names: NameHit[], query: string) {
	const matchOf = new Map(names.map((hit) => [hit.id, hit.match]));
	let loaded = 0;
	return async () => {
		const slice = results.slice(loaded, loaded + PAGE_SIZE);
		const first = loaded === 0;
		loaded += slice.length;
		const fetched = await Promise.all(slice.map((result) => result.data()));
		const fragments = first ? phraseFirst(fetched, query) : fetched;
		const rows = fragments.map((fragment) => {
			const row = rowFromFragment(fragment, 'text');
			const match = matchOf.get(row.id);
			return match ? rowFromFragment(fragment, match) : row;
		});
		return first ? namesFirst(rows, names) : rows;
	};
}

function withSuggestion(outcome: Outcome, normalized: string, shards: NameShard[]): Outcome {
	if (outcome.total || normalized.length < 3) return outcome;
	const near = suggestionFor(normalized, shards);
	return { ...outcome, suggestion: near && { title: near.title, href: entryPath(near.id) } };
}

/**
 * For the header box: when names answer the query they are the results, so a search for a tool by
 * name never downloads the full-text engine. Anything else goes to full text.
 */
export async function quickSearch(query: string, limit = 8): Promise<Outcome> {
	const normalized = normalizeName(query);
	const { hits, shards } = await lookUpNames(normalized);
	if (hits.length) {
		const rows = hits.slice(0, limit).map((hit) => rowFromName(hit, entryPath(hit.id)));
		return {
			total: hits.length,
			rows,
			more: async () => [],
			corrected: correctionFor(hits)?.matched,
		};
	}
	if (normalized.length < FULL_TEXT_MIN_LENGTH)
		return { total: 0, rows: [], more: async () => [], tooShort: true };
	const results = await textResults(await loadPagefind(), query, NO_FILTERS, 'relevance');
	const rows = (await pages(results, [], query)()).slice(0, limit);
	return withSuggestion({ total: results.length, rows, more: async () => [] }, normalized, shards);
}

export interface Request {
	query: string;
	filters: Filters;
	sort: Sort;
	/** Search what was typed, with no typo correction. */
	exact: boolean;
}

/** The search page: every result, a page at a time, with names first and typos corrected. */
export async function pageSearch({ query, filters, sort, exact }: Request): Promise<Outcome> {
	const normalized = normalizeName(query);
	const [engine, names] = await Promise.all([loadPagefind(), lookUpNames(normalized)]);
	// Pagefind stems "kubernets" into a prefix of "kubernetes" and finds it, but a query that is
	// only a typo of a name is corrected all the same, and the reader is told.
	const corrected = exact ? undefined : correctionFor(names.hits)?.matched;
	const results = await textResults(engine, corrected ?? query, filters, sort);
	const hits = exact ? names.hits.filter((hit) => hit.match !== 'typo') : names.hits;
	const more = pages(results, hits, corrected ?? query);
	const outcome = { total: results.length, rows: await more(), more, corrected };
	return withSuggestion(outcome, normalized, names.shards);
}

/**
 * How many results each filter option would give with the query and the other filters. For a
 * query of several words an option's results are those matching any word, so they are counted
 * per option; otherwise one search per filter gives every option's count.
 */
export async function filterCounts(query: string, filters: Filters): Promise<Counts> {
	const engine = await loadPagefind();
	const words = queryWords(query);
	const counts = {} as Counts;
	for (const name of FILTER_NAMES) {
		const others = withoutFilter(filters, name);
		const response = await engine.search(query.trim() || null, {
			filters: pagefindFilters(others),
		});
		counts[name] = { ...(response?.filters[name] ?? {}) };
		if (words.length < 2) continue;
		for (const value of Object.keys(counts[name])) {
			const results = await textResults(engine, query, { ...others, [name]: [value] }, 'relevance');
			counts[name][value] = results.length;
		}
	}
	return counts;
}
