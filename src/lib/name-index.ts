import { normalizeName } from './names.ts';
import type { Kind, Status, Topic } from '../schema/vocabulary.ts';

/**
 * The name matcher's data: every title and alias, normalized, in shards by first character.
 * Searching for a tool by name needs one shard (a few kilobytes, even at tens of thousands of
 * entries) and no full-text engine: exact names, prefixes ("kube") and names one edit away
 * ("kubernets") all keep their first character. Only when that shard has nothing does the client
 * look further: in the shard of the query's second character (a swap of the first two, "ukbernetes")
 * and in the "second character" shards, which hold names of five or more characters by their second
 * character, for a first character left out or mistyped ("ubernetes", "hubernetes").
 */

/** One shard per leading letter or digit; names starting with anything else share the last one. */
export const SHARD_KEYS = [...'abcdefghijklmnopqrstuvwxyz0123456789', 'other'];

/** Names at least this long are also filed by their second character. */
export const SECOND_CHARACTER_MIN_LENGTH = 5;

/** The shard of a normalized name, by its first character. */
export function shardKey(normalizedName: string): string {
	const first = normalizedName[0] ?? '';
	return /^[a-z0-9]$/.test(first) ? first : 'other';
}

/** The address key of a shard: `k` for names starting with k, `second-u` for names whose second character is u. */
export const secondCharacterShard = (key: string) => `second-${key}`;

/** What a result row needs: [title, kind, topic, status, year (0 if unknown)]. */
export type NameRecord = [title: string, kind: Kind, topic: Topic, status: Status, year: number];

export interface NameShard {
	/** Topic titles, so rows show "Orchestration", not the topic's id. */
	topics: Partial<Record<Topic, string>>;
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

export function buildNameShards(
	entries: NamedEntry[],
	topicTitles: Record<Topic, string>,
): Map<string, NameShard> {
	const keys = [...SHARD_KEYS, ...SHARD_KEYS.map(secondCharacterShard)];
	const shards = new Map(
		keys.map((key) => [key, { topics: {}, entries: {}, names: [] } as NameShard]),
	);
	const file = (key: string, name: string, alias: string | undefined, entry: NamedEntry) => {
		const { id, data } = entry;
		const shard = shards.get(key)!;
		shard.names.push(alias === undefined ? [name, id] : [name, id, alias]);
		shard.entries[id] ??= [data.title, data.kind, data.topic, data.status, data.year ?? 0];
		shard.topics[data.topic] = topicTitles[data.topic];
	};
	for (const entry of entries) {
		const names = [
			[entry.data.title, undefined],
			...(entry.data.aliases ?? []).map((alias) => [alias, alias]),
		] as const;
		for (const [written, alias] of names) {
			const name = normalizeName(written);
			file(shardKey(name), name, alias, entry);
			if (name.length >= SECOND_CHARACTER_MIN_LENGTH)
				file(secondCharacterShard(shardKey(name.slice(1))), name, alias, entry);
		}
	}
	return shards;
}
