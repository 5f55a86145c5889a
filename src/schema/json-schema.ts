import { z } from 'astro/zod';
import { entrySchema } from './entry.ts';

/** The entry frontmatter schema as JSON Schema, as editors' YAML language servers read it. */
export function entryJsonSchema() {
	return {
		...z.toJSONSchema(entrySchema, { io: 'input', unrepresentable: 'any' }),
		title: 'Wrangling Lots of Machines: entry frontmatter',
	};
}
