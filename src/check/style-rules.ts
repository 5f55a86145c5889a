import type { EntryData } from '../schema/entry.ts';
import type { Report } from './problems.ts';
import type { SourceFile } from './source-files.ts';

/**
 * Warnings about writing, not errors: templated phrases, status facts told twice, and the 2015
 * backstory's old addresses in the body. The one list of stock phrases lives here.
 */
export const STOCK_PHRASES = [
	'for people running many machines',
	'as the title says',
	'those were 2015 opinions',
	'the 2015 list',
	'the 2015 reading list',
	'worth reading',
	'it is worth noting',
	'in a nutshell',
	'a good companion',
] as const;

const MONTHS =
	'January|February|March|April|May|June|July|August|September|October|November|December';
const DATED_FACT = new RegExp(`\\b(?:(?:${MONTHS}) )?(?:19|20)\\d\\d\\b`, 'g');

/** The dated facts of a text: years, with their month when one is given ("March 2020", "2019"). */
const datedFacts = (text: string) => new Set(text.match(DATED_FACT) ?? []);

export function checkStyle(source: SourceFile, data: EntryData, report: Report) {
	const lines = source.body.split('\n');
	const lineOf = (needle: string) =>
		source.bodyStartLine +
		Math.max(
			0,
			lines.findIndex((line) => line.toLowerCase().includes(needle.toLowerCase())),
		);
	const body = source.body.replace(/\s+/g, ' ');
	const lowerBody = body.toLowerCase();
	const warn = (line: number, message: string, fix: string) =>
		report({ file: source.path, line, field: 'body', message, fix }, 'warning');

	for (const phrase of STOCK_PHRASES) {
		if (lowerBody.includes(phrase))
			warn(lineOf(phrase), `uses the stock phrase "${phrase}"`, 'say the specific thing instead');
	}
	if (data.statusNote) {
		const facts = [...datedFacts(data.statusNote)];
		if (facts.length && facts.every((fact) => body.includes(fact)))
			warn(
				lineOf(facts[0]!),
				`repeats the statusNote's dated facts (${facts.join(', ')})`,
				'keep dated status facts in statusNote only; the body may say what they mean',
			);
	}
	const oldAddresses = new Set([
		...(body.match(/http:\/\/[^\s)>\]"']+/g) ?? []),
		...(data.seedList && body.includes(data.seedList.linked) ? [data.seedList.linked] : []),
	]);
	for (const address of oldAddresses)
		warn(
			lineOf(address),
			`quotes the old address ${address}`,
			'leave the 2015 history to the seedList field; link the current https:// address',
		);
}
