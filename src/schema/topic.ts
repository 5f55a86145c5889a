import { z } from 'astro/zod';

/** A topic's description, `content/topics/<topic>.md`. The file name is one of the four topic slugs. */
export const topicSchema = z.strictObject({
	title: z.string().trim().min(1).describe('Heading shown on the topic page and in navigation.'),
	description: z.string().trim().min(40).describe('One paragraph saying what the topic covers.'),
	order: z.int().min(1).describe('Position in navigation, starting at 1.'),
});

export type TopicData = z.output<typeof topicSchema>;
