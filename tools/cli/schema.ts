import { entryJsonSchema } from '../../src/schema/json-schema.ts';

/** `npm run schema`: prints the entry frontmatter schema as JSON Schema, for editors and tools. */
console.log(JSON.stringify(entryJsonSchema(), null, '\t'));
