import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entrySchema } from './schema/entry.ts';
import { pathSchema } from './schema/reading-path.ts';
import { topicSchema } from './schema/topic.ts';

/** Files starting with `_` sit beside content as helpers and are never published. */
const entries = defineCollection({
	loader: glob({
		base: './content/entries',
		pattern: '**/[^_]*.mdx',
		generateId: ({ entry }) =>
			entry
				.split('/')
				.pop()!
				.replace(/\.mdx$/, ''),
	}),
	schema: entrySchema,
});

const topics = defineCollection({
	loader: glob({ base: './content/topics', pattern: '[^_]*.md' }),
	schema: topicSchema,
});

const paths = defineCollection({
	loader: glob({ base: './content/paths', pattern: '[^_]*.md' }),
	schema: pathSchema,
});

export const collections = { entries, topics, paths };
