import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { entrySchema, type EntryData } from '../schema/entry.ts';
import { pathSchema, type PathData } from '../schema/reading-path.ts';
import { topicSchema, type TopicData } from '../schema/topic.ts';
import { RELATION_TYPES, REVIEW_MAX_AGE_DAYS, TOPICS } from '../schema/vocabulary.ts';
import { readSourceFiles, type SourceFile } from './source-files.ts';
import { findUnsafeMdx } from './mdx-safety.ts';
import { closest, normalizeName } from '../lib/names.ts';
import { normalizeUrl } from './normalize-url.ts';

/**
 * Every rule an entry must pass, in one place: the zod schema for each file, plus the rules that
 * span files (unique ids, names and URLs; references that resolve; safe MDX). `npm run check`, the
 * scaffolder and the Astro build all call `checkContent`, so they refuse exactly the same entries.
 */

export interface Problem {
	severity: 'error' | 'warning';
	/** Path relative to the project root. */
	file: string;
	line: number;
	/** Dotted frontmatter field, or "file", "body". */
	field: string;
	/** What is wrong. */
	message: string;
	/** How to put it right. */
	fix: string;
}

export interface CheckedEntry {
	id: string;
	file: string;
	data: EntryData;
}

export interface ContentReport {
	problems: Problem[];
	/** Entries that passed their own schema (cross-entry problems may still apply). */
	entries: CheckedEntry[];
	paths: { id: string; file: string; data: PathData }[];
}

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A body long enough to be useful and short enough to read at a glance. */
const BODY_WORDS = { min: 80, max: 250 };
/** Placeholder prose written by `npm run new`, to be replaced before review. */
export const OUTLINE_MARKER = 'TODO:';
const ENTRY_FIELDS = Object.keys(entrySchema.shape);

export function checkContent(root: string, today = new Date()): ContentReport {
	const problems: Problem[] = [];
	const report = (problem: Omit<Problem, 'severity'>, severity: Problem['severity'] = 'error') =>
		problems.push({ severity, ...problem });

	const sources = readSourceFiles(root, 'content/entries', '.mdx');
	const entries = sources.flatMap((source) => {
		const checked = checkEntryFile(source, today, report);
		return checked ? [checked] : [];
	});
	// An entry with a problem of its own still exists: references to it are not reported as well.
	const existingIds = new Set(sources.map((source) => idOf(source.path)));
	checkAcrossEntries(entries, existingIds, report);
	const topics = checkTopics(root, report);
	checkAreasAndPicks(entries, topics, report);
	const paths = checkPaths(root, existingIds, report);

	problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
	return { problems, entries: entries.map(({ source: _source, ...entry }) => entry), paths };
}

type Report = (problem: Omit<Problem, 'severity'>, severity?: Problem['severity']) => void;
type SourcedEntry = CheckedEntry & { source: SourceFile };

function checkEntryFile(source: SourceFile, today: Date, report: Report): SourcedEntry | undefined {
	const file = source.path;
	const segments = file.split('/');
	const name = idOf(file);
	const folder = segments.length === 4 ? segments[2]! : undefined;

	if (!folder) {
		report({
			file,
			line: 1,
			field: 'file',
			message: 'is not inside a topic folder',
			fix: `move it to content/entries/<topic>/${name}.mdx`,
		});
	} else if (!(TOPICS as readonly string[]).includes(folder)) {
		report({
			file,
			line: 1,
			field: 'file',
			message: `is in the folder "${folder}", which is not a topic`,
			fix: `move it to one of: ${TOPICS.map((topic) => `content/entries/${topic}/`).join(', ')}`,
		});
	}
	if (!KEBAB_CASE.test(name)) {
		report({
			file,
			line: 1,
			field: 'file',
			message: `name "${name}" is not lowercase kebab-case`,
			fix: `rename it to ${name
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-|-$/g, '')}.mdx`,
		});
	}
	for (const error of source.yamlErrors) {
		report({
			file,
			line: error.line,
			field: 'frontmatter',
			message: error.message,
			fix: 'fix the YAML syntax (quote text that contains ": " or starts with a special character)',
		});
	}
	for (const problem of findUnsafeMdx(source.body)) {
		report({
			file,
			line: source.bodyStartLine + problem.line - 1,
			field: 'body',
			message: problem.message,
			fix: problem.fix,
		});
	}
	checkBodyLength(source, report);
	if (source.yamlErrors.length) return undefined;

	const parsed = entrySchema.safeParse(source.data);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) reportSchemaIssue(source, issue, report);
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
	for (const field of ['url', 'archiveUrl'] as const) {
		if (data[field]?.startsWith('http:')) {
			report(
				{
					file,
					line: source.lineOf([field]),
					field,
					message: 'uses http://',
					fix: 'use the https:// address; keep http:// only where the site has no https',
				},
				'warning',
			);
		}
	}
	const reviewAgeDays = data.reviewed
		? (today.getTime() - Date.parse(data.reviewed)) / 86_400_000
		: Infinity;
	if (reviewAgeDays > REVIEW_MAX_AGE_DAYS) {
		report(
			{
				file,
				line: source.lineOf(['reviewed']),
				field: 'reviewed',
				message: data.reviewed ? `was ${data.reviewed}, more than 12 months ago` : 'is missing',
				fix: `check the entry's facts, then write reviewed: ${today.toISOString().slice(0, 10)}`,
			},
			'warning',
		);
	}
	return { id: name, file, data, source };
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

function reportSchemaIssue(source: SourceFile, issue: z.core.$ZodIssue, report: Report) {
	const file = source.path;
	if (issue.code === 'unrecognized_keys') {
		for (const key of issue.keys) {
			const line = source.lineOf([...issue.path, key]);
			const field = [...issue.path, key].join('.');
			const known = issue.path.length ? undefined : plausibleTypo(key, ENTRY_FIELDS);
			report({
				file,
				line,
				field,
				message: 'is not a known field',
				fix: known
					? `did you mean "${known}"?`
					: 'remove it; the fields are listed in CONTRIBUTING.md',
			});
		}
		return;
	}
	const field = issue.path.join('.') || 'frontmatter';
	const line = source.lineOf(issue.path);
	const received = valueAt(source.data, issue.path);
	if (received === undefined) {
		const description =
			issue.path.length === 1
				? entrySchema.shape[issue.path[0] as keyof typeof entrySchema.shape]?.description
				: undefined;
		const fix =
			issue.code === 'custom' ? issue.message : `add it${description ? `: ${description}` : ''}`;
		report({ file, line, field, message: 'is missing', fix });
		return;
	}
	report({ file, line, field, message: `is ${show(received)}`, fix: issue.message });
}

const idOf = (file: string) =>
	file
		.split('/')
		.at(-1)!
		.replace(/\.mdx$/, '');

function checkAcrossEntries(entries: SourcedEntry[], existingIds: Set<string>, report: Report) {
	const byId = new Map<string, SourcedEntry>();
	const byName = new Map<string, { entry: SourcedEntry; field: string }>();
	const byUrl = new Map<string, SourcedEntry>();
	const formerOwners = new Map<string, SourcedEntry>();

	for (const entry of entries) {
		const { file, source, data } = entry;
		const twin = byId.get(entry.id);
		if (twin) {
			report({
				file,
				line: 1,
				field: 'file',
				message: `has the id "${entry.id}", already used by ${twin.file}`,
				fix: 'ids are unique across topics: rename one of the files',
			});
		} else byId.set(entry.id, entry);

		const names = [
			{ name: data.title, field: 'title', path: ['title'] },
			...(data.aliases ?? []).map((name, index) => ({
				name,
				field: `aliases.${index}`,
				path: ['aliases', index],
			})),
		];
		for (const { name, field, path } of names) {
			const key = normalizeName(name);
			const owner = byName.get(key);
			if (owner && owner.entry !== entry) {
				report({
					file,
					line: source.lineOf(path),
					field,
					message: `"${name}" is already the ${owner.field.startsWith('aliases') ? 'alias' : 'title'} of ${owner.entry.file}`,
					fix: 'names are unique across the list: pick a more specific one, or edit the existing entry instead',
				});
			} else if (owner) {
				report({
					file,
					line: source.lineOf(path),
					field,
					message: `"${name}" repeats the entry's own ${owner.field}`,
					fix: 'remove the repeated name',
				});
			} else byName.set(key, { entry, field });
		}

		const url = normalizeUrl(data.url);
		const urlOwner = byUrl.get(url);
		if (urlOwner) {
			report({
				file,
				line: source.lineOf(['url']),
				field: 'url',
				message: `points at the same page as ${urlOwner.file}`,
				fix: 'each page gets one entry: edit the existing entry instead',
			});
		} else byUrl.set(url, entry);

		for (const [index, formerId] of (data.formerIds ?? []).entries()) {
			const owner = formerOwners.get(formerId);
			if (owner && owner !== entry) {
				report({
					file,
					line: source.lineOf(['formerIds', index]),
					field: `formerIds.${index}`,
					message: `"${formerId}" is already a former id of ${owner.file}`,
					fix: 'an old address can redirect to one entry only: remove it from one of them',
				});
			}
			formerOwners.set(formerId, entry);
		}
	}

	for (const [formerId, entry] of formerOwners) {
		const current = byId.get(formerId);
		if (current) {
			const index = entry.data.formerIds!.indexOf(formerId);
			report({
				file: entry.file,
				line: entry.source.lineOf(['formerIds', index]),
				field: `formerIds.${index}`,
				message: `"${formerId}" is the id of ${current.file}, so its address cannot redirect here`,
				fix: 'remove the former id, or rename the other entry',
			});
		}
	}

	for (const entry of entries) {
		for (const type of RELATION_TYPES) {
			for (const [index, target] of (entry.data.relations[type] ?? []).entries()) {
				const path = ['relations', type, index];
				const field = path.join('.');
				const line = entry.source.lineOf(path);
				if (target === entry.id) {
					report({
						file: entry.file,
						line,
						field,
						message: 'points at the entry itself',
						fix: 'remove it',
					});
				} else if (!existingIds.has(target)) {
					const suggestion = plausibleTypo(target, [...existingIds]);
					report({
						file: entry.file,
						line,
						field,
						message: `"${target}" is not an entry id`,
						fix: suggestion
							? `did you mean "${suggestion}"?`
							: 'use the file name (without .mdx) of an existing entry',
					});
				}
			}
		}
	}
}

interface CheckedTopic {
	file: string;
	source: SourceFile;
	data: TopicData;
}

function checkTopics(root: string, report: Report): Map<string, CheckedTopic> {
	const topics = new Map<string, CheckedTopic>();
	const sources = readSourceFiles(root, 'content/topics', '.md');
	for (const topic of TOPICS) {
		const file = `content/topics/${topic}.md`;
		if (!existsSync(join(root, file)))
			report({
				file,
				line: 1,
				field: 'file',
				message: 'is missing',
				fix: 'add a topic file with title, description and order',
			});
	}
	for (const source of sources) {
		const name = source.path.split('/').pop()!.replace(/\.md$/, '');
		if (!(TOPICS as readonly string[]).includes(name)) {
			report({
				file: source.path,
				line: 1,
				field: 'file',
				message: `"${name}" is not a topic`,
				fix: `topics are exactly: ${TOPICS.join(', ')}`,
			});
		}
		const data = checkWithSchema(source, topicSchema, report);
		if (data) topics.set(name, { file: source.path, source, data });
	}
	return topics;
}

/** Each entry's `area` is one its topic defines; each "start here" pick is an entry of that topic. */
function checkAreasAndPicks(
	entries: SourcedEntry[],
	topics: Map<string, CheckedTopic>,
	report: Report,
) {
	for (const entry of entries) {
		const { area, topic } = entry.data;
		const topicFile = topics.get(topic);
		if (!area || !topicFile) continue;
		const areaIds = (topicFile.data.areas ?? []).map((defined) => defined.id);
		if (!areaIds.includes(area)) {
			report({
				file: entry.file,
				line: entry.source.lineOf(['area']),
				field: 'area',
				message: `is "${area}", which ${topicFile.file} does not define`,
				fix: areaIds.length
					? `use one of: ${areaIds.join(', ')}`
					: `define it under areas: in ${topicFile.file}`,
			});
		}
	}
	const topicOf = new Map(entries.map((entry) => [entry.id, entry.data.topic]));
	for (const [name, topic] of topics) {
		for (const [index, pick] of (topic.data.startHere ?? []).entries()) {
			const pickTopic = topicOf.get(pick);
			if (pickTopic === name) continue;
			report({
				file: topic.file,
				line: topic.source.lineOf(['startHere', index]),
				field: `startHere.${index}`,
				message: pickTopic
					? `"${pick}" is an entry of ${pickTopic}, not of ${name}`
					: `"${pick}" is not an entry id`,
				fix: `pick an entry from content/entries/${name}/`,
			});
		}
	}
}

function checkPaths(root: string, ids: Set<string>, report: Report) {
	return readSourceFiles(root, 'content/paths', '.md').flatMap((source) => {
		const id = source.path.split('/').pop()!.replace(/\.md$/, '');
		if (!KEBAB_CASE.test(id))
			report({
				file: source.path,
				line: 1,
				field: 'file',
				message: `name "${id}" is not lowercase kebab-case`,
				fix: 'rename the file',
			});
		const data = checkWithSchema(source, pathSchema, report);
		if (!data) return [];
		for (const [index, step] of data.steps.entries()) {
			if (!ids.has(step.entry)) {
				report({
					file: source.path,
					line: source.lineOf(['steps', index, 'entry']),
					field: `steps.${index}.entry`,
					message: `"${step.entry}" is not an entry id`,
					fix: 'use the file name (without .mdx) of an existing entry',
				});
			}
		}
		return [{ id, file: source.path, data }];
	});
}

function checkWithSchema<T extends z.ZodType>(
	source: SourceFile,
	schema: T,
	report: Report,
): z.output<T> | undefined {
	for (const error of source.yamlErrors)
		report({
			file: source.path,
			line: error.line,
			field: 'frontmatter',
			message: error.message,
			fix: 'fix the YAML syntax',
		});
	if (source.yamlErrors.length) return undefined;
	const parsed = schema.safeParse(source.data);
	if (parsed.success) return parsed.data;
	for (const issue of parsed.error.issues) reportSchemaIssue(source, issue, report);
	return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	return path.reduce<unknown>(
		(value, key) =>
			value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
		data,
	);
}

function show(value: unknown): string {
	const text = value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The candidate nearest to `word`, if it is close enough to be a plausible typo. */
const plausibleTypo = (word: string, candidates: string[]) =>
	closest(word, candidates, Math.max(2, Math.floor(word.length / 3)));

/** One line per problem: `file:line: field: what is wrong — how to fix it`. */
export function formatProblem(problem: Problem): string {
	const warning = problem.severity === 'warning' ? 'warning: ' : '';
	return `${problem.file}:${problem.line}: ${warning}${problem.field}: ${problem.message} — ${problem.fix}`;
}

/** The same problem as a GitHub Actions workflow command, shown inline on the pull request. */
export function formatAnnotation(problem: Problem): string {
	const escape = (text: string) =>
		text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const property = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
	return `::${problem.severity} file=${property(problem.file)},line=${problem.line},title=${property(problem.field)}::${escape(`${problem.message} — ${problem.fix}`)}`;
}
