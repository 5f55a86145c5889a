import { join } from 'node:path';
import { pathSchema, type PathData } from '../schema/reading-path.ts';
import { topicSchema, type TopicData } from '../schema/topic.ts';
import { TOPICS } from '../schema/vocabulary.ts';
import type { CheckedEntry } from './entry-rules.ts';
import { idOf, KEBAB_CASE } from './ids.ts';
import { findUnsafeBody } from './body-safety.ts';
import type { Report } from './problems.ts';
import type { SourceFile } from './source-files.ts';
import { reportSchemaIssue } from './zod-issues.ts';
import type { z } from 'astro/zod';

export interface CheckedTopic {
	file: string;
	source: SourceFile;
	data: TopicData;
}

export interface CheckedPath {
	id: string;
	file: string;
	data: PathData;
}

/** Reads problems, the body through the build's Markdown pipeline, then the schema. */
async function checkMarkdownFile<T extends z.ZodObject>(
	root: string,
	source: SourceFile,
	schema: T,
	report: Report,
): Promise<z.output<T> | undefined> {
	const file = source.path;
	for (const problem of source.readProblems) report({ file, ...problem });
	if (source.readProblems.length) return undefined;
	for (const problem of await findUnsafeBody(join(root, file), source.compiledSource))
		report({ file, field: 'body', ...problem });
	const parsed = schema.safeParse(source.data);
	if (parsed.success) return parsed.data;
	for (const issue of parsed.error.issues) reportSchemaIssue(source, schema, issue, report);
	return undefined;
}

export async function checkTopics(
	root: string,
	sources: readonly SourceFile[],
	report: Report,
): Promise<Map<string, CheckedTopic>> {
	const topics = new Map<string, CheckedTopic>();
	const present = new Set(sources.map((source) => idOf(source.path)));
	for (const topic of TOPICS) {
		if (!present.has(topic))
			report({
				file: `content/topics/${topic}.md`,
				line: 1,
				field: 'file',
				message: 'is missing',
				fix: 'add a topic file with title, description and order',
			});
	}
	for (const source of sources) {
		const name = idOf(source.path);
		if (!(TOPICS as readonly string[]).includes(name)) {
			report({
				file: source.path,
				line: 1,
				field: 'file',
				message: `${JSON.stringify(name)} is not a topic`,
				fix: `topics are exactly: ${TOPICS.join(', ')}`,
			});
		}
		const data = await checkMarkdownFile(root, source, topicSchema, report);
		if (data) topics.set(name, { file: source.path, source, data });
	}
	return topics;
}

/** Each entry's `area` is one its topic defines; each "start here" pick is an entry of that topic. */
export function checkAreasAndPicks(
	entries: readonly (CheckedEntry & { source: SourceFile })[],
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

export async function checkPaths(
	root: string,
	sources: readonly SourceFile[],
	ids: ReadonlySet<string>,
	report: Report,
): Promise<CheckedPath[]> {
	const paths: CheckedPath[] = [];
	for (const source of sources) {
		const id = idOf(source.path);
		if (!KEBAB_CASE.test(id))
			report({
				file: source.path,
				line: 1,
				field: 'file',
				message: `name ${JSON.stringify(id)} is not lowercase kebab-case`,
				fix: 'rename the file',
			});
		const data = await checkMarkdownFile(root, source, pathSchema, report);
		if (!data) continue;
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
		paths.push({ id, file: source.path, data });
	}
	return paths;
}
