import type { Entry, ReadingPath } from './entries.ts';

export interface PathPosition {
	path: ReadingPath;
	/** 1-based step number of the entry on the path. */
	step: number;
	total: number;
	previous: Entry | undefined;
	next: Entry | undefined;
}

/** Where an entry stands on each reading path that includes it, with its neighbours there. */
export function positionsOnPaths(
	entry: Entry,
	paths: ReadingPath[],
	byId: (id: string) => Entry | undefined,
): PathPosition[] {
	return paths.flatMap((path) => {
		const steps = path.data.steps.map((step) => step.entry);
		const index = steps.indexOf(entry.id);
		if (index === -1) return [];
		return [
			{
				path,
				step: index + 1,
				total: steps.length,
				previous: index > 0 ? byId(steps[index - 1]!) : undefined,
				next: index < steps.length - 1 ? byId(steps[index + 1]!) : undefined,
			},
		];
	});
}
