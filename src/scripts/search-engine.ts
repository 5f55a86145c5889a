import { shardKey, type NameRecord, type NameShard } from '../lib/name-index.ts';
import { editDistance, normalizeName } from '../lib/names.ts';
import type { Kind, Status, Topic } from '../schema/vocabulary.ts';

/**
 * Runs a query against two indexes built at compile time: Pagefind's full-text index, and our name
 * shards, which put an entry whose title or alias equals the query first and catch one-typo names
 * that Pagefind, having no typo tolerance, cannot find.
 */

export type FilterName = 'topic' | 'kind' | 'status';
export type Filters = Record<FilterName, string[]>;
export const FILTER_NAMES: FilterName[] = ['topic', 'kind', 'status'];

export interface SearchHit {
	id: string;
	href: string;
	title: string;
	kind: Kind;
	topic: Topic;
	status: Status;
	year?: number | undefined;
	/** Pagefind's excerpt, whose only markup is <mark>; or the entry's summary as plain text. */
	excerpt: string;
	match: 'name' | 'typo' | 'text';
}

export interface SearchOutcome {
	hits: SearchHit[];
	total: number;
	counts: Record<FilterName, Record<string, number>>;
	/** A close name to offer when nothing matched. */
	suggestion?: { title: string; href: string } | undefined;
}

interface PagefindResult {
	id: string;
	data(): Promise<{ url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
}
interface Pagefind {
	options(options: object): Promise<void>;
	search(query: string | null, options?: { filters?: object }): Promise<{ results: PagefindResult[]; filters: Record<string, Record<string, number>> } | null>;
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const entryHref = (id: string) => `${base}entries/${id}/`;
const TYPO_MIN_LENGTH = 4;

let pagefind: Promise<Pagefind> | undefined;
const shards = new Map<string, Promise<NameShard>>();

/** Loads Pagefind once; rejects where there is no index (the dev server). */
export function loadPagefind(): Promise<Pagefind> {
	pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (module: Pagefind) => {
		await module.options({ ranking: { termSimilarity: 1, pageLength: 0.5 } });
		return module;
	});
	return pagefind;
}

function loadShard(key: string): Promise<NameShard> {
	let shard = shards.get(key);
	if (!shard) {
		shard = fetch(`${base}search/names/${key}.json`).then((response) => (response.ok ? response.json() : { entries: {}, names: [] }));
		shards.set(key, shard);
	}
	return shard;
}

async function namesNear(length: number, spread: number) {
	const keys = new Set<string>();
	for (let delta = -spread; delta <= spread; delta++) if (length + delta > 0) keys.add(shardKey(length + delta));
	return Promise.all([...keys].map(loadShard));
}

const passes = (filters: Filters, values: Record<FilterName, string>) =>
	FILTER_NAMES.every((name) => !filters[name].length || filters[name].includes(values[name]));

function hitFromRecord(id: string, [title, kind, topic, status, year, summary]: NameRecord, match: SearchHit['match']): SearchHit {
	return { id, href: entryHref(id), title, kind, topic, status, year: year || undefined, excerpt: escapeHtml(summary), match };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function search(query: string, filters: Filters, limit = 10): Promise<SearchOutcome> {
	const normalized = normalizeName(query);
	const pagefindFilters = Object.fromEntries(FILTER_NAMES.filter((name) => filters[name].length).map((name) => [name, { any: filters[name] }]));
	const [engine, nearby] = await Promise.all([loadPagefind(), normalized ? namesNear(normalized.length, 1) : Promise.resolve([])]);
	const response = await engine.search(normalized ? query : null, { filters: pagefindFilters });

	const named = new Map<string, SearchHit>();
	for (const shard of nearby) {
		for (const [name, id] of shard.names) {
			const distance = name === normalized ? 0 : normalized.length >= TYPO_MIN_LENGTH ? editDistance(normalized, name, 1) : 2;
			if (distance > 1) continue;
			const record = shard.entries[id]!;
			if (!passes(filters, { kind: record[1], topic: record[2], status: record[3] })) continue;
			const previous = named.get(id);
			if (!previous || (previous.match === 'typo' && distance === 0)) named.set(id, hitFromRecord(id, record, distance === 0 ? 'name' : 'typo'));
		}
	}
	const exact = [...named.values()].filter((hit) => hit.match === 'name');
	const typos = exact.length ? [] : [...named.values()].filter((hit) => hit.match === 'typo');

	const textResults = response?.results ?? [];
	const loaded = await Promise.all(textResults.slice(0, limit + exact.length).map((result) => result.data()));
	const textHits = loaded.flatMap((data): SearchHit[] => {
		const id = data.url.replace(/\/$/, '').split('/').pop()!;
		if (named.has(id)) return [];
		return [{
			id,
			href: data.url,
			title: data.meta.title ?? id,
			kind: data.filters.kind?.[0] as Kind,
			topic: data.filters.topic?.[0] as Topic,
			status: data.filters.status?.[0] as Status,
			year: Number(data.meta.year) || undefined,
			excerpt: data.excerpt,
			match: 'text',
		}];
	});

	const counts = Object.fromEntries(FILTER_NAMES.map((name) => [name, { ...(response?.filters?.[name] ?? {}) }])) as SearchOutcome['counts'];
	const foundByText = new Set(textHits.map((hit) => hit.id));
	const extra = typos.filter((hit) => !foundByText.has(hit.id));
	for (const hit of extra) for (const name of FILTER_NAMES) counts[name][hit[name]] = (counts[name][hit[name]] ?? 0) + 1;

	const hits = [...exact, ...typos, ...rankNamePrefixesFirst(textHits, normalized)].slice(0, limit);
	const total = textResults.length + extra.length;
	const outcome: SearchOutcome = { hits, total: Math.max(total, hits.length), counts };
	if (!hits.length && normalized.length >= 3) outcome.suggestion = await closestName(normalized);
	return outcome;
}

/** Among text matches, titles that start with the query ("kube" → Kubernetes) come first, shortest first. */
function rankNamePrefixesFirst(hits: SearchHit[], normalized: string): SearchHit[] {
	const prefixLength = (hit: SearchHit) => (normalized && normalizeName(hit.title).startsWith(normalized) ? hit.title.length : Infinity);
	return hits.map((hit, index) => ({ hit, index, length: prefixLength(hit) })).sort((a, b) => a.length - b.length || a.index - b.index).map(({ hit }) => hit);
}

async function closestName(normalized: string) {
	let best: { title: string; href: string; distance: number } | undefined;
	for (const shard of await namesNear(normalized.length, 2)) {
		for (const [name, id] of shard.names) {
			const distance = editDistance(normalized, name, best?.distance ?? 3);
			if (distance <= 3 && (!best || distance < best.distance)) best = { title: shard.entries[id]![0], href: entryHref(id), distance };
		}
	}
	return best && { title: best.title, href: best.href };
}
