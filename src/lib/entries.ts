import { getCollection, type CollectionEntry } from 'astro:content';
import {
	RELATIONS,
	RELATION_TYPES,
	RETIRED_STATUSES,
	TOPICS,
	type RelationType,
	type Topic,
} from '../schema/vocabulary.ts';

export type Entry = CollectionEntry<'entries'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type ReadingPath = CollectionEntry<'paths'>;

// One collator for every comparison: localeCompare with options builds a new one per call.
const titleCollator = new Intl.Collator('en', { sensitivity: 'base' });
const byTitle = (a: Entry, b: Entry) => titleCollator.compare(a.data.title, b.data.title);

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
export function recentlyAdded(entries: Entry[], count = Infinity): Entry[] {
	return entries
		.filter((entry) => entry.data.added)
		.sort((a, b) => b.data.added!.localeCompare(a.data.added!) || byTitle(a, b))
		.slice(0, count);
}

export function entriesByTopic(entries: Entry[]): Record<Topic, Entry[]> {
	const groups = Object.fromEntries(TOPICS.map((topic) => [topic, [] as Entry[]])) as Record<
		Topic,
		Entry[]
	>;
	for (const entry of entries) groups[entry.data.topic].push(entry);
	return groups;
}

export interface RelationGroup {
	type: RelationType;
	direction: 'forward' | 'inverse';
	entries: Entry[];
}

interface RelationIndex {
	byId: Map<string, Entry>;
	/** For each entry id, the entries that declare a relation to it, by type. */
	inverse: Map<string, Map<RelationType, Entry[]>>;
}

// Pages ask about every entry in turn; indexing the list once keeps a 10,000-entry build linear.
const relationIndexes = new WeakMap<Entry[], RelationIndex>();

function relationIndex(all: Entry[]): RelationIndex {
	let index = relationIndexes.get(all);
	if (!index) {
		index = { byId: new Map(all.map((entry) => [entry.id, entry])), inverse: new Map() };
		for (const entry of all) {
			for (const type of RELATION_TYPES) {
				for (const target of entry.data.relations[type] ?? []) {
					const byType = index.inverse.get(target) ?? new Map<RelationType, Entry[]>();
					byType.set(type, [...(byType.get(type) ?? []), entry]);
					index.inverse.set(target, byType);
				}
			}
		}
		relationIndexes.set(all, index);
	}
	return index;
}

/** Looks entries up by id, through the same index as the relations. */
export const entryById = (all: Entry[], id: string) => relationIndex(all).byId.get(id);

/**
 * An entry's relations in both directions: the ones it declares, and the ones other entries
 * declare about it ("Kubernetes was inspired by Borg" shows on the Borg page as "Inspired").
 */
export function relationsOf(entry: Entry, all: Entry[]): RelationGroup[] {
	const { byId, inverse } = relationIndex(all);
	const groups: RelationGroup[] = [];
	for (const type of RELATION_TYPES) {
		const forward = (entry.data.relations[type] ?? []).flatMap((id) => byId.get(id) ?? []);
		const backward = [...(inverse.get(entry.id)?.get(type) ?? [])].sort(byTitle);
		if (RELATIONS[type].symmetric) {
			const merged = [...new Set([...forward, ...backward])].sort(byTitle);
			if (merged.length) groups.push({ type, direction: 'forward', entries: merged });
			continue;
		}
		if (forward.length) groups.push({ type, direction: 'forward', entries: forward });
		if (backward.length) groups.push({ type, direction: 'inverse', entries: backward });
	}
	return groups;
}

/** Entries that replace this one. */
export function successorsOf(entry: Entry, all: Entry[]): Entry[] {
	const { byId } = relationIndex(all);
	return (entry.data.relations.supersededBy ?? []).flatMap((id) => byId.get(id) ?? []);
}
