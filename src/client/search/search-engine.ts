import { shardKey, type NameShard } from '../../lib/name-index.ts';
import { editDistance, normalizeName } from '../../lib/names.ts';
import { entryPath, sitePath } from '../../lib/urls.ts';
import { routes } from '../../lib/routes.ts';
import type { Kind, Status, Topic } from '../../schema/vocabulary.ts';

/**
 * Runs a query against two indexes built at compile time. The name shards answer searches for a
 * tool by name on their own: exact titles and aliases first, then names the query begins, then
 * names one typo away, which Pagefind, having no typo tolerance, cannot find. Pagefind's full-text
 * index adds everything else, and is loaded only when it is needed.
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
	/** Pagefind's excerpt, or the alias that matched; in both the only markup is <mark>. */
	excerpt: string;
	match: 'name' | 'prefix' | 'typo' | 'text';
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
	data(): Promise<{
		url: string;
		excerpt: string;
		meta: Record<string, string>;
		filters: Record<string, string[]>;
	}>;
}
interface Pagefind {
	options(options: object): Promise<void>;
	search(
		query: string | null,
		options?: { filters?: object },
	): Promise<{ results: PagefindResult[]; filters: Record<string, Record<string, number>> } | null>;
}

const TYPO_MIN_LENGTH = 4;
const MATCH_ORDER: SearchHit['match'][] = ['name', 'prefix', 'typo'];

let pagefind: Promise<Pagefind> | undefined;
const shards = new Map<string, Promise<NameShard>>();

/** Loads Pagefind once; rejects where there is no index (the dev server). */
function loadPagefind(): Promise<Pagefind> {
	pagefind ??= import(/* @vite-ignore */ sitePath(routes.pagefind())).then(
		async (module: Pagefind) => {
			await module.options({ ranking: { termSimilarity: 1, pageLength: 0.5 } });
			return module;
		},
	);
	return pagefind;
}

function loadShard(key: string): Promise<NameShard> {
	let shard = shards.get(key);
	if (!shard) {
		shard = fetch(sitePath(routes.nameShard(key))).then((response) =>
			response.ok ? response.json() : { entries: {}, names: [] },
		);
		shards.set(key, shard);
	}
	return shard;
}

/** The shards that can hold a name equal to, starting with, or one edit from the query. */
function shardsFor(normalized: string): Promise<NameShard[]> {
	const keys = new Set([shardKey(normalized), shardKey(normalized.slice(1))]);
	return Promise.all([...keys].map(loadShard));
}

const passes = (filters: Filters, values: Record<FilterName, string>) =>
	FILTER_NAMES.every((name) => !filters[name].length || filters[name].includes(values[name]));

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function classify(normalized: string, name: string): SearchHit['match'] | undefined {
	if (name === normalized) return 'name';
	if (name.startsWith(normalized)) return 'prefix';
	if (normalized.length >= TYPO_MIN_LENGTH && editDistance(normalized, name, 1) <= 1) return 'typo';
	return undefined;
}

/**
 * Entries whose title or alias equals the query, starts with it, or is one edit from it, best
 * first: exact matches, then prefixes (shortest name first), then typos.
 */
export async function findNames(query: string, filters: Filters): Promise<SearchHit[]> {
	const normalized = normalizeName(query);
	if (!normalized) return [];
	const found = new Map<string, { hit: SearchHit; rank: number; length: number }>();
	for (const shard of await shardsFor(normalized)) {
		for (const [name, id, alias] of shard.names) {
			const match = classify(normalized, name);
			if (!match) continue;
			const record = shard.entries[id]!;
			const [title, kind, topic, status, year] = record;
			if (!passes(filters, { kind, topic, status })) continue;
			const rank = MATCH_ORDER.indexOf(match);
			const previous = found.get(id);
			if (
				previous &&
				(previous.rank < rank || (previous.rank === rank && previous.length <= name.length))
			)
				continue;
			const excerpt = alias ? `Also known as <mark>${escapeHtml(alias)}</mark>` : '';
			found.set(id, {
				hit: {
					id,
					href: entryPath(id),
					title,
					kind,
					topic,
					status,
					year: year || undefined,
					excerpt,
					match,
				},
				rank,
				length: name.length,
			});
		}
	}
	return [...found.values()]
		.sort((a, b) => a.rank - b.rank || a.length - b.length)
		.map(({ hit }) => hit);
}

const NO_FILTERS: Filters = { topic: [], kind: [], status: [] };

/** A name one typo away is a guess; an exact name beats it. */
const preferExact = (names: SearchHit[]) =>
	names.some((hit) => hit.match === 'name') ? names.filter((hit) => hit.match !== 'typo') : names;

/**
 * For the header box: when names answer the query they are the results, so a search for a tool by
 * name never downloads the full-text engine. Anything else goes to the full search.
 */
export async function quickSearch(query: string, limit = 8): Promise<SearchOutcome> {
	const names = preferExact(await findNames(query, NO_FILTERS));
	if (!names.length) return search(query, NO_FILTERS, limit);
	const counts = { topic: {}, kind: {}, status: {} };
	return { hits: names.slice(0, limit), total: names.length, counts };
}

/** Names first, then Pagefind's full-text results, with counts per filter value. */
export async function search(query: string, filters: Filters, limit = 10): Promise<SearchOutcome> {
	const normalized = normalizeName(query);
	const pagefindFilters = Object.fromEntries(
		FILTER_NAMES.filter((name) => filters[name].length).map((name) => [
			name,
			{ any: filters[name] },
		]),
	);
	const [engine, names] = await Promise.all([loadPagefind(), findNames(query, filters)]);
	const response = await engine.search(normalized ? query : null, { filters: pagefindFilters });
	const named = preferExact(names);
	const namedIds = new Set(named.map((hit) => hit.id));

	const textResults = response?.results ?? [];
	const loaded = await Promise.all(textResults.slice(0, limit).map((result) => result.data()));
	const textHits = loaded.flatMap((data): SearchHit[] => {
		const id = data.url.replace(/\/$/, '').split('/').pop()!;
		if (namedIds.has(id)) return [];
		return [
			{
				id,
				href: data.url,
				title: data.meta.title ?? id,
				kind: data.filters.kind?.[0] as Kind,
				topic: data.filters.topic?.[0] as Topic,
				status: data.filters.status?.[0] as Status,
				year: Number(data.meta.year) || undefined,
				excerpt: data.excerpt,
				match: 'text',
			},
		];
	});

	// Pagefind counts what it found; typo matches it could not find are added to its counts.
	const counts = Object.fromEntries(
		FILTER_NAMES.map((name) => [name, { ...(response?.filters?.[name] ?? {}) }]),
	) as SearchOutcome['counts'];
	const unseenByText = named.filter(
		(hit) => hit.match === 'typo' && !loaded.some((data) => data.url === hit.href),
	);
	for (const hit of unseenByText)
		for (const name of FILTER_NAMES) counts[name][hit[name]] = (counts[name][hit[name]] ?? 0) + 1;

	const hits = [...named, ...textHits].slice(0, limit);
	const outcome: SearchOutcome = {
		hits,
		total: Math.max(textResults.length + unseenByText.length, hits.length),
		counts,
	};
	if (!hits.length && normalized.length >= 3) outcome.suggestion = await closestName(normalized);
	return outcome;
}

/** The nearest name within three edits, to offer when nothing matched. */
export async function closestName(normalized: string) {
	let best: { title: string; href: string; distance: number } | undefined;
	for (const shard of await shardsFor(normalized)) {
		for (const [name, id] of shard.names) {
			const distance = editDistance(normalized, name, best?.distance ?? 3);
			if (distance <= 3 && (!best || distance < best.distance))
				best = { title: shard.entries[id]![0], href: entryPath(id), distance };
		}
	}
	return best && { title: best.title, href: best.href };
}
