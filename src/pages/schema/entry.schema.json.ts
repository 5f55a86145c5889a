import type { APIRoute } from 'astro';
import { entryJsonSchema } from '../../schema/json-schema.ts';

/** The frontmatter schema at a stable address, for editors and other tools. */
export const GET: APIRoute = () => Response.json(entryJsonSchema());
