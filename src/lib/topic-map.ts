import { isRetired, type Entry, type TopicEntry } from './entries.ts';
import { KIND_LABELS, KINDS } from '../schema/vocabulary.ts';

export interface MapRow {
	label: string;
	current: number;
	retired: number;
}

/**
 * The rows the home page's map draws for one topic: its areas in the topic file's order, or its
 * kinds while it defines no areas; each split into current and retired entries.
 */
export function topicMapRows(topic: TopicEntry, own: Entry[]): MapRow[] {
	const count = (entries: Entry[]) => ({
		current: entries.filter((entry) => !isRetired(entry)).length,
		retired: entries.filter(isRetired).length,
	});
	const areas = topic.data.areas ?? [];
	const groups = areas.length
		? [
				...areas.map((area) => ({
					label: area.title,
					entries: own.filter((entry) => entry.data.area === area.id),
				})),
				{
					label: 'Other',
					entries: own.filter((entry) => !areas.some((area) => area.id === entry.data.area)),
				},
			]
		: KINDS.map((kind) => ({
				label: KIND_LABELS[kind],
				entries: own.filter((entry) => entry.data.kind === kind),
			}));
	return groups
		.filter((group) => group.entries.length)
		.map((group) => ({ label: group.label, ...count(group.entries) }));
}

/** True when the entries were not all added on one day, so "recently added" means something. */
export function addedDatesDiffer(entries: Entry[]): boolean {
	return new Set(entries.flatMap((entry) => entry.data.added ?? [])).size > 1;
}
