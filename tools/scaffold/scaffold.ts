import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { checkContent } from '../../src/check/index.ts';
import { ClaimIndex, claimsOf } from '../../src/check/cross-entry-rules.ts';
import { checkEntryFile, OUTLINE_MARKER } from '../../src/check/entry-rules.ts';
import type { Problem, Report } from '../../src/check/problems.ts';
import { parseSourceFile } from '../../src/check/source-files.ts';
import { slugify } from '../../src/lib/names.ts';

/** The fields a contributor gives; everything else is optional and added by hand. */
export interface NewEntryFields {
	topic: string;
	kind: string;
	title: string;
	url: string;
	summary: string;
	/** The id (file name), for titles with no Latin letters to make one from. */
	id?: string | undefined;
}

export const NEW_ENTRY_FIELDS = ['topic', 'kind', 'title', 'url', 'summary'] as const;

export type ScaffoldResult =
	| { ok: true; id: string; file: string; source: string }
	| { ok: false; problems: Omit<Problem, 'severity'>[] };

/** Markdown punctuation a title could carry into the outline, escaped so it stays text. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()<>#+\-.!|~&:]/g, '\\$&');

/**
 * Prepares a new entry file and runs the check's own rules on exactly the text it would write:
 * the entry on its own, and against every existing entry file, valid or not. What it returns as
 * ok always passes `npm run check`, outline warning aside.
 */
export async function scaffoldEntry(
	root: string,
	fields: NewEntryFields,
	today = new Date(),
): Promise<ScaffoldResult> {
	const id = fields.id ?? slugify(fields.title);
	const file = `content/entries/${fields.topic}/${id || 'entry-id'}.mdx`;
	if (!id)
		return {
			ok: false,
			problems: [
				{
					file,
					line: 1,
					field: 'title',
					message: 'has no Latin letters or digits to make an id from',
					fix: 'pass --id with a lowercase kebab-case id, e.g. --id my-entry',
				},
			],
		};
	const date = today.toISOString().slice(0, 10);
	const { title, url, topic, kind, summary } = fields;
	const frontmatter = {
		title,
		url,
		topic,
		kind,
		summary,
		status: 'active',
		added: date,
		reviewed: date,
	};
	// YAML 1.1 output quotes every string an older reader could take for something else ("Yes", "On").
	const text = `---\n${stringify(frontmatter, { lineWidth: 0, version: '1.1' })}---\n\n${outline(title)}`;

	const problems: Omit<Problem, 'severity'>[] = [];
	const report: Report = (problem, severity = 'error') => {
		if (severity === 'error') problems.push(problem);
	};
	const source = parseSourceFile(file, text);
	await checkEntryFile(root, source, today, report);
	const { entrySources } = await checkContent(root, today);
	problems.push(...new ClaimIndex(entrySources.map(claimsOf)).conflictsOf(claimsOf(source)));
	return problems.length ? { ok: false, problems } : { ok: true, id, file, source: text };
}

function outline(title: string): string {
	const name = escapeMarkdown(title);
	return [
		`${OUTLINE_MARKER} say what ${name} is, in two or three sentences of your own words.`,
		`${OUTLINE_MARKER} say why it matters for running software on many machines.`,
		`${OUTLINE_MARKER} say where it stands today, with dates: maintained, retired, replaced by what.`,
		'',
	].join('\n\n');
}

/** Writes a prepared entry, refusing to overwrite a file that exists. */
export function writeEntry(root: string, file: string, source: string): void {
	const path = join(root, file);
	if (existsSync(path)) throw new Error(`${file} already exists`);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, source);
}
