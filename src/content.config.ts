import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entrySchema } from './schema/entry.ts';
import { pathSchema } from './schema/reading-path.ts';
import { topicSchema } from './schema/topic.ts';
import { contentPattern, idOf } from './check/ids.ts';

/** Helpers (`_x`) and dot-files (editor lock files such as `.#x.mdx`) are never published. */
const entries = defineCollection({
	loader: glob({
		base: './content/entries',
		pattern: contentPattern('.mdx', true),
		generateId: ({ entry }) => idOf(entry),
	}),
	schema: entrySchema,
});

const topics = defineCollection({
	loader: glob({ base: './content/topics', pattern: contentPattern('.md', false) }),
	schema: topicSchema,
});

const paths = defineCollection({
	loader: glob({ base: './content/paths', pattern: contentPattern('.md', false) }),
	schema: pathSchema,
});

export const collections = { entries, topics, paths };
