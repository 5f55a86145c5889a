import { normalizeName } from './names.ts';
import type { Kind, Status, Topic } from '../schema/vocabulary.ts';

/**
 * The name matcher's data: every title and alias, normalized, split into shards by length. Pagefind
 * has no typo tolerance, and a name one edit away from a query is at most one character longer or
 * shorter, so a query needs only the three shards around its own length: a few kilobytes even at
 * tens of thousands of entries.
 */

/** Names longer than this share one last shard; typo matching matters little for them. */
export const LONGEST_SHARDED_NAME = 40;
export const SHARD_KEYS = [...Array.from({ length: LONGEST_SHARDED_NAME }, (_, index) => String(index + 1)), 'long'];

export function shardKey(length: number): string {
	return length > LONGEST_SHARDED_NAME ? 'long' : String(Math.max(1, length));
}

/** What a result row needs: [title, kind, topic, status, year (0 if unknown), summary]. */
export type NameRecord = [title: string, kind: Kind, topic: Topic, status: Status, year: number, summary: string];

export interface NameShard {
	entries: Record<string, NameRecord>;
	/** [normalized name, entry id], one per title or alias. */
	names: [string, string][];
}

export interface NamedEntry {
	id: string;
	data: { title: string; aliases?: string[] | undefined; kind: Kind; topic: Topic; status: Status; year?: number | undefined; summary: string };
}

export function buildNameShards(entries: NamedEntry[]): Map<string, NameShard> {
	const shards = new Map(SHARD_KEYS.map((key) => [key, { entries: {}, names: [] } as NameShard]));
	for (const { id, data } of entries) {
		for (const name of [data.title, ...(data.aliases ?? [])]) {
			const key = normalizeName(name);
			const shard = shards.get(shardKey(key.length))!;
			shard.names.push([key, id]);
			shard.entries[id] ??= [data.title, data.kind, data.topic, data.status, data.year ?? 0, data.summary];
		}
	}
	return shards;
}
