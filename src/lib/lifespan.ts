import { isRetired, type Entry } from './entries.ts';

export interface Lifespan {
	/** Year of first release, when known. */
	from: number | undefined;
	/** `today` while developed; otherwise the retired status, with its year when the status note dates it. */
	to: { state: 'today' } | { state: 'retired'; year: number | undefined };
}

/** The first year a status note gives that is not before the first release ("retired on 2020-02-19 and moved…"). */
function retiredYear(note: string | undefined, from: number | undefined): number | undefined {
	const years = [...(note ?? '').matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((match) =>
		Number(match[1]),
	);
	const plausible = years.filter((year) => from === undefined || year >= from);
	return plausible[0];
}

/** A tool's life: from its first release to today, or to its retirement. */
export function lifespanOf(entry: Entry): Lifespan {
	const { year, statusNote } = entry.data;
	return {
		from: year,
		to: isRetired(entry)
			? { state: 'retired', year: retiredYear(statusNote, year) }
			: { state: 'today' },
	};
}
