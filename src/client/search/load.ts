import { farShardAddresses, nearShardAddress, type NameShard } from '../../lib/name-index.ts';
import { routes } from '../../lib/routes.ts';
import { sitePath } from '../../lib/urls.ts';
import type { Fragment } from './rank.ts';

/**
 * Loading, each part once per page: the name shards (a kilobyte or two each) and Pagefind's
 * full-text engine, which is fetched only when a search needs it.
 */

export interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<Fragment>;
}
export interface PagefindResponse {
	results: PagefindResult[];
	/** Counts per filter value among the results; lists every value the index holds. */
	filters: Record<string, Record<string, number>>;
}
export interface Pagefind {
	options(options: object): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	search(
		query: string | null,
		options?: { filters?: object; sort?: object | undefined },
	): Promise<PagefindResponse | null>;
}

let pagefind: Promise<Pagefind> | undefined;
const shards = new Map<string, Promise<NameShard>>();
const EMPTY_SHARD: NameShard = { topics: {}, entries: {}, names: [] };

/** Loads Pagefind once; rejects where there is no index (the dev server). */
export function loadPagefind(): Promise<Pagefind> {
	pagefind ??= import(/* @vite-ignore */ sitePath(routes.pagefind())).then(
		async (module: Pagefind) => {
			await module.options({ ranking: { termSimilarity: 1, pageLength: 0.5 } });
			await module.filters();
			return module;
		},
	);
	return pagefind;
}

function loadShard(key: string): Promise<NameShard> {
	let shard = shards.get(key);
	if (!shard) {
		shard = fetch(sitePath(routes.nameShard(key))).then((response) =>
			response.ok ? response.json() : EMPTY_SHARD,
		);
		shards.set(key, shard);
	}
	return shard;
}

/** The shard of the query's first two characters: names equal to it, starting with it, or one edit past them. */
export const nearShards = (normalized: string): Promise<NameShard[]> =>
	Promise.all([loadShard(nearShardAddress(normalized))]);

/** The shards for a typo in the first two characters, looked in only when the near shard had nothing. */
export const farShards = (normalized: string): Promise<NameShard[]> =>
	Promise.all(farShardAddresses(normalized).map(loadShard));
