import { z } from 'astro/zod';
import { entryId } from './entry.ts';

/** A topic's description, `content/topics/<topic>.md`. The file name is one of the four topic slugs. */
export const topicSchema = z.strictObject({
	title: z.string().trim().min(1).describe('Heading shown on the topic page and in navigation.'),
	description: z.string().trim().min(40).describe('One paragraph saying what the topic covers.'),
	order: z.int().min(1).describe('Position in navigation, starting at 1.'),
	startHere: z
		.array(entryId)
		.min(3)
		.max(5)
		.optional()
		.describe("The editors' choice of 3 to 5 entries a newcomer to the topic should read first."),
	areas: z
		.array(
			z.strictObject({
				id: entryId.describe('Written as `area:` in the entries of this area.'),
				title: z.string().trim().min(1).describe('Heading of the area on the topic page.'),
				description: z.string().trim().min(10).max(300).optional(),
			}),
		)
		.optional()
		.describe("The topic's sub-groups, in the order the topic page shows them."),
});

export type TopicData = z.output<typeof topicSchema>;
