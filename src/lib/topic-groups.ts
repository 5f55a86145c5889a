import { isRetired, type Entry, type TopicEntry } from './entries.ts';

export interface TopicSection {
	/** Used as the section's anchor, prefixed so it cannot clash with other ids on the page. */
	id: string;
	title: string;
	description?: string | undefined;
}

/** One listed entry in reading order: its section and whether it sits under "History". */
export interface TopicRow {
	entry: Entry;
	section: TopicSection;
	history: boolean;
}

const START_HERE: TopicSection = { id: 'start-here', title: 'Start here' };

/**
 * A topic's entries in the order its page lists them: the editors' "Start here" picks, then each
 * area in the topic file's order, then entries without an area. Inside an area, current entries
 * come first and retired ones after, under "History". Each entry is listed once, so the rows can
 * be paginated as one list.
 */
export function topicRows(topic: TopicEntry, own: Entry[]): TopicRow[] {
	const picks = (topic.data.startHere ?? []).flatMap(
		(id) => own.find((entry) => entry.id === id) ?? [],
	);
	const areas = topic.data.areas ?? [];
	const rest = own.filter((entry) => !picks.includes(entry));
	const sections: { section: TopicSection; entries: Entry[] }[] = areas.map((area) => ({
		section: { id: `area-${area.id}`, title: area.title, description: area.description },
		entries: rest.filter((entry) => entry.data.area === area.id),
	}));
	const areaIds = new Set(areas.map((area) => area.id));
	sections.push({
		section: { id: 'area-other', title: areas.length ? 'Other' : 'All entries' },
		entries: rest.filter((entry) => !entry.data.area || !areaIds.has(entry.data.area)),
	});
	return [
		...picks.map((entry) => ({ entry, section: START_HERE, history: false })),
		...sections.flatMap(({ section, entries }) => [
			...entries
				.filter((entry) => !isRetired(entry))
				.map((entry) => ({ entry, section, history: false })),
			...entries.filter(isRetired).map((entry) => ({ entry, section, history: true })),
		]),
	];
}

export interface SectionOnPage {
	section: TopicSection;
	/** False when the section began on an earlier page. */
	starts: boolean;
	current: Entry[];
	history: Entry[];
}

/** The rows of one page, gathered back into their sections. */
export function sectionsOnPage(rows: TopicRow[], previousRow?: TopicRow): SectionOnPage[] {
	const sections: SectionOnPage[] = [];
	for (const row of rows) {
		let last = sections.at(-1);
		if (last?.section.id !== row.section.id) {
			last = {
				section: row.section,
				starts: previousRow?.section.id !== row.section.id || sections.length > 0,
				current: [],
				history: [],
			};
			sections.push(last);
		}
		(row.history ? last.history : last.current).push(row.entry);
	}
	return sections;
}

/** Each section with its size and the page where it begins. */
export function sectionIndex(rows: TopicRow[], pageSize: number) {
	const index: { section: TopicSection; count: number; page: number }[] = [];
	rows.forEach((row, position) => {
		const last = index.at(-1);
		if (last?.section.id === row.section.id) last.count++;
		else index.push({ section: row.section, count: 1, page: Math.floor(position / pageSize) + 1 });
	});
	return index;
}
