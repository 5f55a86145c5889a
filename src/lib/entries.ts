import { getCollection, type CollectionEntry } from 'astro:content';
import { RETIRED_STATUSES, TOPICS, type Topic } from '../schema/vocabulary.ts';
import type { HealthData } from '../schema/health.ts';
import { readHealthFiles } from './health.ts';
import type { RelationGroup as RelationGroupOf } from './relations.ts';
import { byTitle } from './titles.ts';

export type Entry = CollectionEntry<'entries'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type ReadingPath = CollectionEntry<'paths'>;

let builtEntries: Promise<Entry[]> | undefined;

/**
 * Every entry, sorted by title. A build reads and sorts them once for all its pages (at 10,000
 * entries each reading took 0.7 s); the dev server reads them afresh, as they change under it.
 */
export function getEntries(): Promise<Entry[]> {
	const read = async () => (await getCollection('entries')).sort(byTitle);
	if (import.meta.env.DEV) return read();
	return (builtEntries ??= read());
}

/** The four topics in navigation order. */
export async function getTopics(): Promise<TopicEntry[]> {
	const topics = await getCollection('topics');
	return topics.sort((a, b) => a.data.order - b.data.order);
}

/**
 * What `npm run refresh` last learnt of each entry's repository, by entry id. Read from the
 * project the build runs in; the files are data only the refresh writes, not a collection, since
 * there are none until it has run with a GitHub token.
 */
export async function getHealth(): Promise<Map<string, HealthData>> {
	return readHealthFiles(process.cwd());
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

export { entryById, relationsOf, successorsOf } from './relations.ts';
/** A relation type and direction with the entries it links to, as pages show them. */
export type RelationGroup = RelationGroupOf<Entry>;
