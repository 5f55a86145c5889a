import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { entrySchema } from '../../src/schema/entry.ts';
import {
	checkContent,
	OUTLINE_MARKER,
	type CheckedEntry,
	type Problem,
} from '../../src/check/index.ts';
import { normalizeName, slugify } from '../../src/lib/names.ts';
import { normalizeUrl } from '../../src/check/normalize-url.ts';

/** The fields a contributor gives; everything else is optional and added by hand. */
export interface NewEntryFields {
	topic: string;
	kind: string;
	title: string;
	url: string;
	summary: string;
}

export const NEW_ENTRY_FIELDS = ['topic', 'kind', 'title', 'url', 'summary'] as const;

export type ScaffoldResult =
	| { ok: true; id: string; file: string; source: string }
	| { ok: false; problems: Omit<Problem, 'severity' | 'line'>[] };

/**
 * Prepares a new entry file: the id from the title, frontmatter validated by the same schema as the
 * build, and a body outline. Refuses anything that would collide with an existing entry.
 */
export function scaffoldEntry(
	root: string,
	fields: NewEntryFields,
	today = new Date(),
): ScaffoldResult {
	const id = slugify(fields.title);
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
	const file = `content/entries/${fields.topic}/${id}.mdx`;
	const problems: Omit<Problem, 'severity' | 'line'>[] = [];

	const parsed = entrySchema.safeParse(frontmatter);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = issue.path.join('.');
			problems.push({
				file,
				field,
				message: `is ${JSON.stringify(fields[field as keyof NewEntryFields] ?? null)}`,
				fix: issue.message,
			});
		}
	}
	if (!id)
		problems.push({
			file,
			field: 'title',
			message: 'has no letters or digits to make an id from',
			fix: 'give the name people search by',
		});

	const { entries } = checkContent(root);
	const collision = findCollision(entries, id, fields);
	if (collision) problems.push({ file, ...collision });
	if (problems.length) return { ok: false, problems };

	const source = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${outline(fields.title)}`;
	return { ok: true, id, file, source };
}

function findCollision(entries: CheckedEntry[], id: string, fields: NewEntryFields) {
	const sameId = entries.find((entry) => entry.id === id || entry.data.formerIds?.includes(id));
	if (sameId)
		return {
			field: 'title',
			message: `gives the id "${id}", already used by ${sameId.file}`,
			fix: 'edit that entry instead, or choose a more specific title',
		};
	const url = normalizeUrl(fields.url);
	const sameUrl = entries.find((entry) => normalizeUrl(entry.data.url) === url);
	if (sameUrl)
		return {
			field: 'url',
			message: `is already the address of ${sameUrl.file}`,
			fix: 'edit that entry instead',
		};
	const name = normalizeName(fields.title);
	const sameName = entries.find((entry) =>
		[entry.data.title, ...(entry.data.aliases ?? [])].some(
			(other) => normalizeName(other) === name,
		),
	);
	if (sameName)
		return {
			field: 'title',
			message: `is already a name of ${sameName.file}`,
			fix: 'edit that entry instead, or choose a more specific title',
		};
	return undefined;
}

function outline(title: string): string {
	return [
		`${OUTLINE_MARKER} say what ${title} is, in two or three sentences of your own words.`,
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
