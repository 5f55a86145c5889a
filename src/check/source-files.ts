import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import {
	CST,
	isMap,
	isScalar,
	isSeq,
	Lexer,
	LineCounter,
	parseDocument,
	visit,
	type Document,
	type DocumentOptions,
	type SchemaOptions,
} from 'yaml';
import { isIgnoredName } from './ids.ts';
import { LIMITS } from './limits.ts';

/**
 * Reads content files exactly as the build does: the frontmatter through Astro's own
 * `parseFrontmatter` (js-yaml, default schema), the body as the MDX compiler receives it. A second,
 * stricter reading of the same YAML finds what the two could disagree on (tags, anchors, aliases,
 * merge keys, values read differently) and maps each field back to its line.
 */

export interface SourceFile {
	/** Path relative to the project root, with forward slashes, for messages. */
	path: string;
	/** The frontmatter as the build reads it, or undefined when it is refused. */
	data: unknown;
	/** Problems in the file's bytes or its frontmatter, with their lines. */
	readProblems: { line: number; field: string; message: string; fix: string }[];
	/** Markdown/MDX after the frontmatter. */
	body: string;
	/** The whole file with the frontmatter blanked, as the build hands it to the MDX compiler. */
	compiledSource: string;
	/** 1-based file line on which the body starts. */
	bodyStartLine: number;
	/** 1-based file line of a frontmatter field, or of the nearest enclosing field that exists. */
	lineOf(fieldPath: readonly PropertyKey[]): number;
	/** The text a scalar field is written as (`2026-02-31`), before any parser reads it. */
	textOf(fieldPath: readonly PropertyKey[]): string | undefined;
}

type ReadProblem = SourceFile['readProblems'][number];

/** How the stricter reading must read the YAML to agree with js-yaml's default schema. */
const STRICT_YAML = {
	version: '1.2',
	schema: 'core',
	customTags: ['timestamp'],
} satisfies DocumentOptions & SchemaOptions;
/** Lexer tokens that mark structure but take no characters of the source. */
const MARKER_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const INVISIBLE_OR_BIDI =
	/[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Splits a Markdown/MDX source into frontmatter and body, refusing what is not plain data. */
export function parseSourceFile(path: string, source: string): SourceFile {
	const file: SourceFile = {
		path,
		data: undefined,
		readProblems: [],
		body: source,
		compiledSource: source,
		bodyStartLine: 1,
		lineOf: () => 1,
		textOf: () => undefined,
	};
	const refuse = (problem: ReadProblem) => {
		file.readProblems.push(problem);
		return file;
	};
	const byteProblem = findByteProblem(source);
	if (byteProblem) return refuse(byteProblem);

	const opening = /^(---|\+\+\+)\n/.exec(source);
	if (opening?.[1] === '+++')
		return refuse({
			line: 1,
			field: 'frontmatter',
			message: 'is TOML (+++)',
			fix: 'write the fields as YAML between two "---" lines',
		});
	const closing = opening ? source.indexOf('\n---', 3) : -1;
	if (!opening || closing < 0)
		return refuse({
			line: 1,
			field: 'frontmatter',
			message: 'is missing',
			fix: 'start the file with a line "---", the fields, and another "---"',
		});
	const yamlText = source.slice(4, closing + 1);
	const afterClosing = source.indexOf('\n', closing + 4);
	file.body = afterClosing < 0 ? '' : source.slice(afterClosing + 1);
	file.bodyStartLine = lineAt(source, closing + 1) + 1;

	const lineCounter = new LineCounter();
	const document = parseDocument(yamlText, { ...STRICT_YAML, lineCounter, prettyErrors: false });
	const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1; // +1: the opening ---
	file.lineOf = (fieldPath) => fileLine(offsetOf(document, fieldPath));
	file.textOf = (fieldPath) => {
		const node = document.getIn(fieldPath, true);
		return isScalar(node) ? (node.source ?? String(node.value)) : undefined;
	};

	const yamlProblem = findNonDataYaml(yamlText, document, fileLine);
	if (yamlProblem) return refuse(yamlProblem);

	// The build's own reading, with the build's own function and options.
	let parsed: ReturnType<typeof parseFrontmatter>;
	try {
		parsed = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
	} catch (error) {
		const mark = (error as { mark?: { line: number } }).mark;
		const reason = (error as { reason?: string }).reason ?? 'unreadable';
		return refuse({
			line: (mark?.line ?? 0) + 2,
			field: 'frontmatter',
			message: `is not valid YAML: ${reason}`,
			fix: 'fix the YAML syntax (quote text that contains ": " or starts with a special character)',
		});
	}
	if (parsed.rawFrontmatter !== `\n${yamlText}`)
		return refuse({
			line: 1,
			field: 'frontmatter',
			message: 'does not end where the build expects',
			fix: 'put the closing "---" alone on its own line',
		});
	const data = parsed.frontmatter;
	const strict: unknown = document.toJS({ maxAliasCount: 0 });
	if (!isMap(document.contents))
		return refuse({
			line: 2,
			field: 'frontmatter',
			message: 'is not a list of "field: value" lines',
			fix: 'write one "field: value" per line',
		});
	const disagreement = firstDifference(data, strict, []);
	if (disagreement)
		return refuse({
			line: file.lineOf(disagreement),
			field: disagreement.join('.') || 'frontmatter',
			message: 'holds a value YAML parsers read differently',
			fix: 'write it as a plain quoted string, number, true/false or YYYY-MM-DD date',
		});
	file.data = data;
	file.compiledSource = parsed.content;
	return file;
}

function findByteProblem(source: string): ReadProblem | undefined {
	if (source.startsWith('\ufeff'))
		return {
			line: 1,
			field: 'file',
			message: 'starts with a byte-order mark',
			fix: 'save it as UTF-8 without a BOM',
		};
	const carriageReturn = source.indexOf('\r');
	if (carriageReturn >= 0)
		return {
			line: lineAt(source, carriageReturn),
			field: 'file',
			message:
				source[carriageReturn + 1] === '\n'
					? 'has Windows (CRLF) line endings'
					: 'contains a stray carriage return',
			fix: 'save it with LF line endings only (git config core.autocrlf input)',
		};
	const control = CONTROL.exec(source);
	if (control)
		return {
			line: lineAt(source, control.index),
			field: 'file',
			message: `contains the control character U+${hex(control[0])}`,
			fix: 'delete it',
		};
	const invisible = INVISIBLE_OR_BIDI.exec(source);
	if (invisible)
		return {
			line: lineAt(source, invisible.index),
			field: 'file',
			message: `contains the invisible or bidi control character U+${hex(invisible[0])}`,
			fix: 'delete it: it makes text read differently from what it is',
		};
	return undefined;
}

const hex = (character: string) =>
	character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/** Frontmatter is plain data: no tags, anchors, aliases, merge keys or duplicate keys. */
function findNonDataYaml(
	yamlText: string,
	document: Document,
	fileLine: (offset: number) => number,
): ReadProblem | undefined {
	let offset = 0;
	let aliases = 0;
	for (const token of new Lexer().lex(yamlText)) {
		const type = CST.tokenType(token);
		const construct =
			type === 'tag' ? 'a YAML tag' : type === 'anchor' ? 'a YAML anchor' : undefined;
		if (construct)
			return {
				line: fileLine(offset),
				field: 'frontmatter',
				message: `uses ${construct} (${token.slice(0, 20)})`,
				fix: 'write plain values: quote text that starts with "!" or "&"',
			};
		if (type === 'alias' && ++aliases)
			return {
				line: fileLine(offset),
				field: 'frontmatter',
				message: `uses a YAML alias (${token.slice(0, 20)})`,
				fix: 'write the value out in full: quote text that starts with "*"',
			};
		if (!MARKER_TOKENS.has(token)) offset += token.length;
	}
	const [error] = document.errors;
	if (error)
		return {
			line: fileLine(error.pos[0]),
			field: 'frontmatter',
			message: `is not valid YAML: ${error.message.split('\n')[0]}`,
			fix: 'fix the YAML syntax (quote text that contains ": " or starts with a special character)',
		};
	let merge: number | undefined;
	visit(document, {
		Pair(_, pair) {
			if (isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN') {
				merge = pair.key.range?.[0] ?? 0;
				return visit.BREAK;
			}
			return undefined;
		},
	});
	if (merge !== undefined)
		return {
			line: fileLine(merge),
			field: 'frontmatter',
			message: 'uses a YAML merge key (<<)',
			fix: 'write the fields out in full',
		};
	if (yamlText.length > LIMITS.frontmatterBytes)
		return {
			line: 1,
			field: 'frontmatter',
			message: `is ${yamlText.length} characters long`,
			fix: `keep it under ${LIMITS.frontmatterBytes}`,
		};
	return undefined;
}

/** The path of the first value the two readings disagree on, or undefined when they agree. */
function firstDifference(
	a: unknown,
	b: unknown,
	path: (string | number)[],
): (string | number)[] | undefined {
	if (a instanceof Date || b instanceof Date)
		return a instanceof Date && b instanceof Date && a.getTime() === b.getTime() ? undefined : path;
	if (Array.isArray(a) && Array.isArray(b)) {
		if (a.length !== b.length) return path;
		for (const [index, value] of a.entries()) {
			const found = firstDifference(value, b[index], [...path, index]);
			if (found) return found;
		}
		return undefined;
	}
	if (isPlainObject(a) && isPlainObject(b)) {
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		for (const key of keys) {
			const found = firstDifference(a[key], b[key], [...path, key]);
			if (found) return found;
		}
		return undefined;
	}
	return isDeepStrictEqual(a, b) ? undefined : path;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function offsetOf(document: Document, fieldPath: readonly PropertyKey[]): number {
	let node = document.contents;
	let offset = node?.range?.[0] ?? 0;
	for (const key of fieldPath) {
		if (!isMap(node) && !isSeq(node)) break;
		const child = isMap(node)
			? node.items.find((pair) => isScalar(pair.key) && pair.key.value === key)
			: typeof key === 'number'
				? node.items[key]
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

export interface ContentListing {
	/** Content files, relative to the project root, sorted. */
	files: string[];
	/** Entries under the folder that are refused without being read. */
	refused: { file: string; message: string; fix: string }[];
}

/**
 * Lists the content files under `dir` whose names end with `extension`, sorted, skipping ignored
 * names. Symbolic links are refused by name and never followed; neither are oversized files read.
 */
export function listContentFiles(
	root: string,
	dir: string,
	extension: string,
	nested: boolean,
): ContentListing {
	const listing: ContentListing = { files: [], refused: [] };
	const walk = (relativeDir: string, depth: number) => {
		let names: string[];
		try {
			names = readdirSync(join(root, relativeDir));
		} catch {
			return;
		}
		for (const name of names.sort()) {
			if (isIgnoredName(name)) continue;
			const file = `${relativeDir}/${name}`;
			// An editor's temporary file can be gone between the listing and this look at it.
			const stats = lstatSync(join(root, file), { throwIfNoEntry: false });
			if (!stats) continue;
			if (stats.isSymbolicLink()) {
				listing.refused.push({
					file,
					message: 'is a symbolic link',
					fix: 'replace it with the file itself; links under content/ are never followed',
				});
			} else if (stats.isDirectory()) {
				if (nested && depth < 2) walk(file, depth + 1);
				else
					listing.refused.push({
						file,
						message: 'is a folder where none belongs',
						fix: `move its files up into ${relativeDir}/`,
					});
			} else if (name.endsWith(extension)) {
				if (stats.size > LIMITS.fileBytes)
					listing.refused.push({
						file,
						message: `is ${stats.size} bytes`,
						fix: `an entry file must stay under ${LIMITS.fileBytes} bytes`,
					});
				else listing.files.push(file);
			}
		}
	};
	walk(dir, 0);
	return listing;
}

/** Reads one listed content file as text; invalid UTF-8 is kept visible as U+FFFD and refused. */
export function readSourceFile(root: string, file: string): SourceFile {
	const bytes = readFileSync(join(root, file));
	const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
	const parsed = parseSourceFile(file, text);
	if (text.includes('\ufffd') && !parsed.readProblems.length)
		parsed.readProblems.push({
			line: lineAt(text, text.indexOf('\ufffd')),
			field: 'file',
			message: 'is not valid UTF-8 (or holds U+FFFD)',
			fix: 'save it as UTF-8',
		});
	if (parsed.readProblems.length) parsed.data = undefined;
	return parsed;
}
