import { normalizeName } from './names.ts';
import type { Kind, Status, Topic } from '../schema/vocabulary.ts';

/**
 * The name matcher's data: every title and alias, normalized, in small shards keyed by two of its
 * first three characters. A search for a tool by name needs one shard, the one of its first two
 * characters (a kilobyte or two, even at 10,000 entries), and no full-text engine: exact names,
 * prefixes ("kube") and names one edit away past the second character ("kubernets") all keep them.
 * Only when that shard has nothing does the client look further, in the few shards where a name
 * one edit away in its first two characters must be: "ubernetes", "hubernetes", "ukbernetes",
 * "kbernetes". For that, names are also filed by their second and third characters ("skip first")
 * and by their first and third ("skip second").
 */

/** A character of a shard key: a letter or digit, or `_` for anything else (a space, say). */
const keyCharacter = (character: string | undefined) =>
	character && /^[a-z0-9]$/.test(character) ? character : '_';
const pair = (a: string | undefined, b: string | undefined) => keyCharacter(a) + keyCharacter(b);

export const FAMILIES = ['near', 'skip-first', 'skip-second'] as const;
export type Family = (typeof FAMILIES)[number];

/** The address key of a shard: `ku`, `skip-first-ub`, `skip-second-kb`. */
export const shardAddress = (family: Family, key: string) =>
	family === 'near' ? key : `${family}-${key}`;

/** Every shard address, so a client never asks for one the site does not have. */
export function allShardAddresses(): string[] {
	const characters = [...'abcdefghijklmnopqrstuvwxyz0123456789_'];
	const keys = characters.flatMap((a) => characters.map((b) => a + b));
	return FAMILIES.flatMap((family) => keys.map((key) => shardAddress(family, key)));
}

/** The shard of a normalized name, or query, by its first two characters. */
export const nearShardAddress = (normalized: string) => pair(normalized[0], normalized[1]);

/** Names this short are only filed in their near shard: a typo needs a query of four characters. */
const FAR_MIN_LENGTH = 3;

/** Where a normalized name is filed. */
export function shardsOfName(name: string): string[] {
	const addresses = [nearShardAddress(name)];
	if (name.length >= FAR_MIN_LENGTH)
		addresses.push(
			shardAddress('skip-first', pair(name[1], name[2])),
			shardAddress('skip-second', pair(name[0], name[2])),
		);
	return addresses;
}

/**
 * The shards that hold every name one edit from `q` in its first two characters, besides its near
 * shard: a first character mistyped (q1q2 after the first) or left out (q0q1 after the first), a
 * second character mistyped (q0·q2) or left out (q0·q1), a character added at the start (q1q2) or
 * second (q0q2), and the first two swapped (q1q0).
 */
export function farShardAddresses(q: string): string[] {
	const addresses = new Set([
		pair(q[1], q[2]),
		pair(q[0], q[2]),
		pair(q[1], q[0]),
		shardAddress('skip-first', pair(q[1], q[2])),
		shardAddress('skip-first', pair(q[0], q[1])),
		shardAddress('skip-second', pair(q[0], q[2])),
		shardAddress('skip-second', pair(q[0], q[1])),
	]);
	addresses.delete(nearShardAddress(q));
	return [...addresses];
}

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

/** Every shard the site serves, empty ones included, by address. */
export function buildNameShards(
	entries: NamedEntry[],
	topicTitles: Record<Topic, string>,
): Map<string, NameShard> {
	const shards = new Map(
		allShardAddresses().map((address) => [
			address,
			{ topics: {}, entries: {}, names: [] } as NameShard,
		]),
	);
	for (const { id, data } of entries) {
		const names = [
			[data.title, undefined],
			...(data.aliases ?? []).map((alias) => [alias, alias]),
		] as const;
		for (const [written, alias] of names) {
			const name = normalizeName(written);
			for (const address of shardsOfName(name)) {
				const shard = shards.get(address)!;
				shard.names.push(alias === undefined ? [name, id] : [name, id, alias]);
				shard.entries[id] ??= [data.title, data.kind, data.topic, data.status, data.year ?? 0];
				shard.topics[data.topic] = topicTitles[data.topic];
			}
		}
	}
	return shards;
}
