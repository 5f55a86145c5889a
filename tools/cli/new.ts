import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { KINDS, TOPICS } from '../../src/schema/vocabulary.ts';
import {
	NEW_ENTRY_FIELDS,
	scaffoldEntry,
	writeEntry,
	type NewEntryFields,
} from '../scaffold/scaffold.ts';

/** `npm run new -- --topic … --kind … --title "…" --url … --summary "…"`; asks for what is missing in a terminal. */
const { values } = parseArgs({
	options: Object.fromEntries(
		NEW_ENTRY_FIELDS.map((field) => [field, { type: 'string' }]),
	) as Record<(typeof NEW_ENTRY_FIELDS)[number], { type: 'string' }>,
});

const hints: Record<(typeof NEW_ENTRY_FIELDS)[number], string> = {
	topic: TOPICS.join(' | '),
	kind: KINDS.join(' | '),
	title: 'the name people search by',
	url: 'https://…',
	summary: 'one sentence, at most 200 characters',
};

const missing = NEW_ENTRY_FIELDS.filter((field) => !values[field]);
if (missing.length && process.stdin.isTTY) {
	const terminal = createInterface({ input: process.stdin, output: process.stdout });
	for (const field of missing)
		values[field] = (await terminal.question(`${field} (${hints[field]}): `)).trim();
	terminal.close();
} else if (missing.length) {
	for (const field of missing)
		console.error(`new entry: --${field} is missing — pass --${field} "<${hints[field]}>"`);
	process.exit(1);
}

const result = scaffoldEntry(process.cwd(), values as NewEntryFields);
if (!result.ok) {
	for (const problem of result.problems)
		console.error(`${problem.file}: ${problem.field}: ${problem.message} — ${problem.fix}`);
	console.error('Nothing was written.');
	process.exit(1);
}
writeEntry(process.cwd(), result.file, result.source);
console.log(
	`Created ${result.file}. Replace the TODO lines with your own words, add optional fields, then run: npm run check`,
);
