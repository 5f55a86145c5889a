import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { formatProblem } from '../../src/check/problems.ts';
import { KINDS, TOPICS } from '../../src/schema/vocabulary.ts';
import {
	NEW_ENTRY_FIELDS,
	scaffoldEntry,
	writeEntry,
	type NewEntryFields,
} from '../scaffold/scaffold.ts';

const USAGE =
	'usage: npm run new -- --topic <topic> --kind <kind> --title "<title>" --url <https://…> --summary "<one sentence>" [--id <kebab-case-id>]';

const hints: Record<(typeof NEW_ENTRY_FIELDS)[number], string> = {
	topic: TOPICS.join(' | '),
	kind: KINDS.join(' | '),
	title: 'the name people search by',
	url: 'https://…',
	summary: 'one sentence, at most 200 characters',
};

/** `npm run new`: writes a new entry from its five fields, asking for what is missing in a terminal. */
export async function main(args: string[], root = process.cwd()): Promise<number> {
	let values: Partial<Record<(typeof NEW_ENTRY_FIELDS)[number] | 'id', string>>;
	try {
		values = parseArgs({
			args,
			options: Object.fromEntries(
				[...NEW_ENTRY_FIELDS, 'id'].map((field) => [field, { type: 'string' }]),
			) as Record<(typeof NEW_ENTRY_FIELDS)[number] | 'id', { type: 'string' }>,
		}).values;
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	const missing = NEW_ENTRY_FIELDS.filter((field) => !values[field]);
	if (missing.length && process.stdin.isTTY) {
		const terminal = createInterface({ input: process.stdin, output: process.stdout });
		for (const field of missing)
			values[field] = (await terminal.question(`${field} (${hints[field]}): `)).trim();
		terminal.close();
	} else if (missing.length) {
		for (const field of missing)
			console.error(`new entry: --${field} is missing — pass --${field} "<${hints[field]}>"`);
		console.error(USAGE);
		return 2;
	}
	const result = await scaffoldEntry(root, values as NewEntryFields);
	if (!result.ok) {
		for (const problem of result.problems)
			console.error(formatProblem({ severity: 'error', ...problem }));
		console.error('Nothing was written.');
		return 1;
	}
	writeEntry(root, result.file, result.source);
	console.log(
		`Created ${result.file}. Replace the TODO lines with your own words, add optional fields, then run: npm run check`,
	);
	return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
