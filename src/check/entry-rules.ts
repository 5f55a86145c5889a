import { join } from 'node:path';
import { entrySchema, type EntryData } from '../schema/entry.ts';
import { RELATION_TYPES, REVIEW_MAX_AGE_DAYS, TOPICS } from '../schema/vocabulary.ts';
import { idOf, KEBAB_CASE, suggestId } from './ids.ts';
import { LIMITS } from './limits.ts';
import { findUnsafeBody } from './body-safety.ts';
import type { Report } from './problems.ts';
import type { SourceFile } from './source-files.ts';
import { checkStyle } from './style-rules.ts';
import { reportSchemaIssue } from './zod-issues.ts';

/** A body long enough to be useful and short enough to read at a glance. */
const BODY_WORDS = { min: 80, max: 250 };
/** Placeholder prose written by `npm run new`, to be replaced before review. */
export const OUTLINE_MARKER = 'TODO:';
const WEB_ADDRESS_FIELDS = [['url'], ['archiveUrl'], ['pdf'], ['seedList', 'linked']] as const;

export interface CheckedEntry {
	id: string;
	file: string;
	data: EntryData;
}

/** Where a file must be, and what it must be called: `content/entries/<topic>/<id>.mdx`. */
export function checkEntryPlace(file: string, report: Report): string | undefined {
	const segments = file.split('/');
	const name = idOf(file);
	const folder = segments.length === 4 ? segments[2]! : undefined;
	if (!folder) {
		report({
			file,
			line: 1,
			field: 'file',
			message: 'is not inside a topic folder',
			fix: `move it to content/entries/<topic>/${suggestId(name) || 'entry-id'}.mdx`,
		});
	} else if (!(TOPICS as readonly string[]).includes(folder)) {
		report({
			file,
			line: 1,
			field: 'file',
			message: `is in the folder ${JSON.stringify(folder)}, which is not a topic`,
			fix: `move it to one of: ${TOPICS.map((topic) => `content/entries/${topic}/`).join(', ')}`,
		});
	}
	if (!KEBAB_CASE.test(name)) {
		report({
			file,
			line: 1,
			field: 'file',
			message: `name ${JSON.stringify(name)} is not lowercase kebab-case`,
			fix: `rename it to ${suggestId(name) || 'a lowercase kebab-case id'}.mdx`,
		});
	}
	return folder;
}

/** Every rule one entry file must pass on its own. Returns the entry when its frontmatter is valid. */
export async function checkEntryFile(
	root: string,
	source: SourceFile,
	today: Date,
	report: Report,
): Promise<CheckedEntry | undefined> {
	const file = source.path;
	const folder = checkEntryPlace(file, report);
	for (const problem of source.readProblems) report({ file, ...problem });
	if (source.readProblems.length) return undefined;

	if (source.body.length > LIMITS.bodyCharacters) {
		report({
			file,
			line: source.bodyStartLine,
			field: 'body',
			message: `is ${source.body.length} characters long`,
			fix: `keep it under ${LIMITS.bodyCharacters}; aim for ${BODY_WORDS.min} to ${BODY_WORDS.max} words`,
		});
		return undefined;
	}
	const unsafe = await findUnsafeBody(
		join(root, file),
		source.compiledSource,
		source.data as Record<string, unknown>,
	);
	for (const problem of unsafe) report({ file, field: 'body', ...problem });
	checkBodyLength(source, report);

	const parsed = entrySchema.safeParse(source.data);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) reportSchemaIssue(source, entrySchema, issue, report);
		return undefined;
	}
	const data = parsed.data;
	if (folder && data.topic !== folder) {
		report({
			file,
			line: source.lineOf(['topic']),
			field: 'topic',
			message: `is "${data.topic}" but the file is in content/entries/${folder}/`,
			fix: `write topic: ${folder}, or move the file to content/entries/${data.topic}/`,
		});
	}
	checkLimits(source, data, report);
	checkAddresses(source, data, report);
	checkDates(source, data, today, report);
	checkStyle(source, data, report);
	return { id: idOf(file), file, data };
}

function checkBodyLength(source: SourceFile, report: Report) {
	const outlineLine = source.body.split('\n').findIndex((line) => line.startsWith(OUTLINE_MARKER));
	if (outlineLine >= 0) {
		report(
			{
				file: source.path,
				line: source.bodyStartLine + outlineLine,
				field: 'body',
				message: `still has the scaffold's ${OUTLINE_MARKER} outline`,
				fix: 'replace each TODO line with your own words',
			},
			'warning',
		);
		return;
	}
	const words = source.body.split(/\s+/).filter(Boolean).length;
	if (words < BODY_WORDS.min || words > BODY_WORDS.max) {
		report(
			{
				file: source.path,
				line: source.bodyStartLine,
				field: 'body',
				message: `has ${words} words`,
				fix: `aim for ${BODY_WORDS.min} to ${BODY_WORDS.max}: what it is, why it matters at scale, where it stands today`,
			},
			'warning',
		);
	}
}

function checkLimits(source: SourceFile, data: EntryData, report: Report) {
	const file = source.path;
	const tooMany = (path: string[], count: number, limit: number, what: string) => {
		if (count > limit)
			report({
				file,
				line: source.lineOf(path),
				field: path.join('.'),
				message: `has ${count} ${what}`,
				fix: `keep at most ${limit}`,
			});
	};
	tooMany(['aliases'], data.aliases?.length ?? 0, LIMITS.aliases, 'aliases');
	tooMany(['authors'], data.authors?.length ?? 0, LIMITS.authors, 'authors');
	tooMany(['tags'], data.tags?.length ?? 0, LIMITS.tags, 'tags');
	tooMany(['formerIds'], data.formerIds?.length ?? 0, LIMITS.formerIds, 'former ids');
	const relations = RELATION_TYPES.reduce(
		(sum, type) => sum + (data.relations[type]?.length ?? 0),
		0,
	);
	tooMany(['relations'], relations, LIMITS.relations, 'relations');
	const tooLong = (path: (string | number)[], text: string | undefined, limit: number) => {
		if (text && text.length > limit)
			report({
				file,
				line: source.lineOf(path),
				field: path.join('.'),
				message: `is ${text.length} characters long`,
				fix: `keep it to ${limit} characters`,
			});
	};
	data.aliases?.forEach((alias, index) => tooLong(['aliases', index], alias, LIMITS.aliasLength));
	data.authors?.forEach((author, index) =>
		tooLong(['authors', index], author, LIMITS.authorLength),
	);
	tooLong(['statusNote'], data.statusNote, LIMITS.statusNoteLength);
}

/** Web addresses carry no user info: `https://kubernetes.io@evil.example/` goes to evil.example. */
function checkAddresses(source: SourceFile, data: EntryData, report: Report) {
	for (const path of WEB_ADDRESS_FIELDS) {
		const value = path.reduce<unknown>(
			(object, key) => (object as Record<string, unknown> | undefined)?.[key],
			data,
		);
		if (typeof value !== 'string') continue;
		const url = new URL(value);
		const field = path.join('.');
		if (url.username || url.password) {
			report({
				file: source.path,
				line: source.lineOf(path),
				field,
				message: `has user info before "@" and really points at ${url.hostname}`,
				fix: `write the address without "${url.username}${url.password ? ':…' : ''}@"`,
			});
		} else if (url.protocol === 'http:' && field !== 'seedList.linked') {
			report(
				{
					file: source.path,
					line: source.lineOf(path),
					field,
					message: 'uses http://',
					fix: 'use the https:// address; keep http:// only where the site has no https',
				},
				'warning',
			);
		}
	}
}

function checkDates(source: SourceFile, data: EntryData, today: Date, report: Report) {
	const todayText = today.toISOString().slice(0, 10);
	for (const field of ['added', 'reviewed'] as const) {
		const value = data[field];
		if (!value) continue;
		const written = source.textOf([field])?.replace(/^['"]|['"]$/g, '');
		if (written !== value) {
			report({
				file: source.path,
				line: source.lineOf([field]),
				field,
				message: `is ${JSON.stringify(written)}, which is not a calendar date`,
				fix: 'write a real date as YYYY-MM-DD',
			});
		} else if (value > todayText) {
			report({
				file: source.path,
				line: source.lineOf([field]),
				field,
				message: `is ${value}, in the future`,
				fix: `write the day it happened, at the latest ${todayText}`,
			});
		}
	}
	const reviewAgeDays = data.reviewed
		? (today.getTime() - Date.parse(data.reviewed)) / 86_400_000
		: Infinity;
	if (reviewAgeDays > REVIEW_MAX_AGE_DAYS) {
		report(
			{
				file: source.path,
				line: source.lineOf(['reviewed']),
				field: 'reviewed',
				message: data.reviewed ? `was ${data.reviewed}, more than 12 months ago` : 'is missing',
				fix: `check the entry's facts, then write reviewed: ${todayText}`,
			},
			'warning',
		);
	}
}
