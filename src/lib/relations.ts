import type { EntryData } from '../schema/entry.ts';
import { RELATIONS, RELATION_TYPES, type RelationType } from '../schema/vocabulary.ts';
import { byTitle } from './titles.ts';

/**
 * Relations between entries, read from both sides. Pure: it needs only each entry's id, title and
 * relations, so pages, the check's tools and the pull-request preview all use it.
 */

export interface RelatedEntry {
	id: string;
	data: Pick<EntryData, 'title' | 'relations'>;
}

export interface RelationGroup<E extends RelatedEntry = RelatedEntry> {
	type: RelationType;
	direction: 'forward' | 'inverse';
	entries: E[];
}

interface RelationIndex<E extends RelatedEntry> {
	byId: Map<string, E>;
	/** For each entry id, the entries that declare a relation to it, by type. */
	inverse: Map<string, Map<RelationType, E[]>>;
}

// Pages ask about every entry in turn; indexing the list once keeps a 10,000-entry build linear.
const relationIndexes = new WeakMap<RelatedEntry[], RelationIndex<RelatedEntry>>();

function relationIndex<E extends RelatedEntry>(all: E[]): RelationIndex<E> {
	let index = relationIndexes.get(all) as RelationIndex<E> | undefined;
	if (!index) {
		index = { byId: new Map(all.map((entry) => [entry.id, entry])), inverse: new Map() };
		for (const entry of all) {
			for (const type of RELATION_TYPES) {
				for (const target of entry.data.relations[type] ?? []) {
					const byType = index.inverse.get(target) ?? new Map<RelationType, E[]>();
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
export const entryById = <E extends RelatedEntry>(all: E[], id: string) =>
	relationIndex(all).byId.get(id);

/**
 * An entry's relations in both directions: the ones it declares, and the ones other entries
 * declare about it ("Kubernetes was inspired by Borg" shows on the Borg page as "Inspired").
 */
export function relationsOf<E extends RelatedEntry>(
	entry: RelatedEntry,
	all: E[],
): RelationGroup<E>[] {
	const { byId, inverse } = relationIndex(all);
	const groups: RelationGroup<E>[] = [];
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
export function successorsOf<E extends RelatedEntry>(entry: RelatedEntry, all: E[]): E[] {
	const { byId } = relationIndex(all);
	return (entry.data.relations.supersededBy ?? []).flatMap((id) => byId.get(id) ?? []);
}
