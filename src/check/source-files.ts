import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/**
 * Reads content files the way a contributor sees them: raw text, with a way back from a field to
 * the line it is on. The Astro build reads the same files through its glob loader; the check and
 * the scaffolder read them here, without a build.
 */

export interface SourceFile {
	/** Path relative to the project root, with forward slashes, for messages. */
	path: string;
	/** The frontmatter as parsed YAML, or undefined when it could not be parsed. */
	data: unknown;
	/** Problems parsing the frontmatter itself, with their lines. */
	yamlErrors: { line: number; message: string }[];
	/** Markdown/MDX after the frontmatter. */
	body: string;
	/** 1-based file line on which the body starts. */
	bodyStartLine: number;
	/** 1-based file line of a frontmatter field, or of the nearest enclosing field that exists. */
	lineOf(fieldPath: readonly PropertyKey[]): number;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Splits a Markdown/MDX source into frontmatter and body, keeping line numbers. */
export function parseSourceFile(path: string, source: string): SourceFile {
	const match = FRONTMATTER.exec(source);
	if (!match) {
		return {
			path,
			data: undefined,
			yamlErrors: [
				{
					line: 1,
					message:
						'has no frontmatter: the file must start with a line "---", the fields, and another "---"',
				},
			],
			body: source,
			bodyStartLine: 1,
			lineOf: () => 1,
		};
	}
	const lineCounter = new LineCounter();
	// YAML 1.1 reads `2026-01-31` as a date, as Astro's own frontmatter parser does.
	const document = parseDocument(match[1]!, { lineCounter, version: '1.1', prettyErrors: false });
	const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1; // +1: the opening ---
	return {
		path,
		data: document.errors.length ? undefined : document.toJS(),
		yamlErrors: document.errors.map((error) => ({
			line: fileLine(error.pos[0]),
			message: `is not valid YAML: ${error.message.split('\n')[0]}`,
		})),
		body: source.slice(match[0].length),
		bodyStartLine: match[0].split('\n').length,
		lineOf: (fieldPath) => fileLine(offsetOf(document, fieldPath)),
	};
}

function offsetOf(document: Document, fieldPath: readonly PropertyKey[]): number {
	let node = document.contents;
	let offset = node?.range?.[0] ?? 0;
	for (const key of fieldPath) {
		if (!isMap(node) && !(node && 'items' in node)) break;
		const items = (node as { items: unknown[] }).items;
		const child = isMap(node)
			? node.items.find((pair) => isScalar(pair.key) && pair.key.value === key)
			: typeof key === 'number'
				? items[key]
				: undefined;
		if (!child) break;
		const pair = child as {
			key?: { range?: number[] };
			value?: { range?: number[] } | null;
			range?: number[];
		};
		offset = pair.key?.range?.[0] ?? pair.range?.[0] ?? offset;
		node = (isMap(node) ? pair.value : child) as typeof node;
	}
	return offset;
}

/** Lists files under `dir` (recursively) whose names end with `extension`, sorted. */
export function listFiles(dir: string, extension: string): string[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return [];
	}
	return names.sort().flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return listFiles(full, extension);
		return name.endsWith(extension) ? [full] : [];
	});
}

/** Reads and parses every file under `dir` with the given extension, skipping `_`-prefixed helpers. */
export function readSourceFiles(root: string, dir: string, extension: string): SourceFile[] {
	return listFiles(join(root, dir), extension)
		.filter((file) => !file.split(sep).pop()!.startsWith('_'))
		.map((file) =>
			parseSourceFile(relative(root, file).split(sep).join('/'), readFileSync(file, 'utf8')),
		);
}
