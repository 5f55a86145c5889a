import { normalizeName } from './names.ts';
import type { Kind, Status, Topic } from '../schema/vocabulary.ts';

/**
 * The name matcher's data: every title and alias, normalized, in shards by first character.
 * Searching for a tool by name needs one or two shards (a few kilobytes, even at tens of
 * thousands of entries) and no full-text engine: exact names, prefixes ("kube") and names one
 * edit away ("kubernets") all keep their first character, or swap it with the second.
 */

/** One shard per leading letter or digit; names starting with anything else share the last one. */
export const SHARD_KEYS = [...'abcdefghijklmnopqrstuvwxyz0123456789', 'other'];

export function shardKey(normalizedName: string): string {
	const first = normalizedName[0] ?? '';
	return /^[a-z0-9]$/.test(first) ? first : 'other';
}

/** What a result row needs: [title, kind, topic, status, year (0 if unknown)]. */
export type NameRecord = [title: string, kind: Kind, topic: Topic, status: Status, year: number];

export interface NameShard {
	entries: Record<string, NameRecord>;
	/** [normalized name, entry id, the alias as written (absent for titles)]. */
	names: ([string, string] | [string, string, string])[];
}

export interface NamedEntry {
	id: string;
	data: {
		title: string;
		aliases?: string[] | undefined;
		kind: Kind;
		topic: Topic;
		status: Status;
		year?: number | undefined;
	};
}

export function buildNameShards(entries: NamedEntry[]): Map<string, NameShard> {
	const shards = new Map(SHARD_KEYS.map((key) => [key, { entries: {}, names: [] } as NameShard]));
	for (const { id, data } of entries) {
		const names = [
			[data.title, undefined],
			...(data.aliases ?? []).map((alias) => [alias, alias]),
		] as const;
		for (const [name, alias] of names) {
			const key = normalizeName(name);
			const shard = shards.get(shardKey(key))!;
			shard.names.push(alias === undefined ? [key, id] : [key, id, alias]);
			shard.entries[id] ??= [data.title, data.kind, data.topic, data.status, data.year ?? 0];
		}
	}
	return shards;
}
