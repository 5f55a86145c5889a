import { getCollection, type CollectionEntry } from 'astro:content';
import { RELATION_TYPES, RETIRED_STATUSES, TOPICS, type RelationType, type Topic } from '../schema/vocabulary.ts';

export type Entry = CollectionEntry<'entries'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type ReadingPath = CollectionEntry<'paths'>;

const byTitle = (a: Entry, b: Entry) => a.data.title.localeCompare(b.data.title, 'en', { sensitivity: 'base' });

/** Every entry, sorted by title. */
export async function getEntries(): Promise<Entry[]> {
	return (await getCollection('entries')).sort(byTitle);
}

/** The four topics in navigation order. */
export async function getTopics(): Promise<TopicEntry[]> {
	const topics = await getCollection('topics');
	return topics.sort((a, b) => a.data.order - b.data.order);
}

export async function getReadingPaths(): Promise<ReadingPath[]> {
	return (await getCollection('paths')).sort((a, b) => a.data.title.localeCompare(b.data.title));
}

export const isRetired = (entry: Entry) => RETIRED_STATUSES.includes(entry.data.status);

/** Newest additions first; ties broken by title so the order is stable between builds. */
export function recentlyAdded(entries: Entry[], count: number): Entry[] {
	return entries
		.filter((entry) => entry.data.added)
		.sort((a, b) => b.data.added!.localeCompare(a.data.added!) || byTitle(a, b))
		.slice(0, count);
}

export function entriesByTopic(entries: Entry[]): Record<Topic, Entry[]> {
	const groups = Object.fromEntries(TOPICS.map((topic) => [topic, [] as Entry[]])) as Record<Topic, Entry[]>;
	for (const entry of entries) groups[entry.data.topic].push(entry);
	return groups;
}

export interface RelationGroup {
	type: RelationType;
	direction: 'forward' | 'inverse';
	entries: Entry[];
}

/**
 * An entry's relations in both directions: the ones it declares, and the ones other entries
 * declare about it ("Kubernetes was inspired by Borg" shows on the Borg page as "Inspired").
 */
export function relationsOf(entry: Entry, all: Entry[]): RelationGroup[] {
	const byId = new Map(all.map((candidate) => [candidate.id, candidate]));
	const groups: RelationGroup[] = [];
	for (const type of RELATION_TYPES) {
		const forward = (entry.data.relations[type] ?? []).flatMap((id) => byId.get(id) ?? []);
		const inverse = all.filter((other) => other.data.relations[type]?.includes(entry.id));
		const symmetric = type === 'alternativeTo' || type === 'related';
		if (symmetric) {
			const merged = [...new Set([...forward, ...inverse])].sort(byTitle);
			if (merged.length) groups.push({ type, direction: 'forward', entries: merged });
			continue;
		}
		if (forward.length) groups.push({ type, direction: 'forward', entries: forward });
		if (inverse.length) groups.push({ type, direction: 'inverse', entries: inverse.sort(byTitle) });
	}
	return groups;
}

/** Entries that replace this one, declared on either side. */
export function successorsOf(entry: Entry, all: Entry[]): Entry[] {
	const ids = new Set(entry.data.relations.supersededBy ?? []);
	return all.filter((other) => ids.has(other.id));
}
