import { z } from 'astro/zod';
import { entryId } from './entry.ts';

/** A reading path, `content/paths/<id>.md`: an ordered route through the list. */
export const pathSchema = z.strictObject({
	title: z.string().trim().min(1).describe('Name of the route, e.g. "From Borg to Kubernetes".'),
	summary: z.string().trim().min(20).max(200).describe('One sentence on what the route teaches.'),
	steps: z
		.array(
			z.strictObject({
				entry: entryId.describe('The entry read at this step.'),
				why: z.string().trim().min(10).max(200).describe('One line on why it comes next.'),
			}),
		)
		.min(2, { error: 'must list at least two steps' }),
});

export type PathData = z.output<typeof pathSchema>;
