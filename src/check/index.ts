import { checkAcrossEntries } from './cross-entry-rules.ts';
import { checkEntryFile, type CheckedEntry } from './entry-rules.ts';
import { checkHealth } from './health-rules.ts';
import { ENTRIES_DIR, ENTRY_EXTENSION, idOf } from './ids.ts';
import { sortProblems, type Problem, type Report } from './problems.ts';
import { listContentFiles, readSourceFile, type SourceFile } from './source-files.ts';
import {
	checkAreasAndPicks,
	checkPaths,
	checkTopics,
	type CheckedPath,
	type CheckedTopic,
} from './topic-and-path-rules.ts';

/**
 * Every rule content must pass, in one place: each file read as the build reads it, its body
 * compiled by the build's own pipeline, its frontmatter checked by the zod schema, plus the rules
 * that span files. `npm run check`, the scaffolder and the Astro build all call `checkContent`, so
 * they refuse exactly the same content.
 */

export type { Problem } from './problems.ts';
export { formatAnnotation, formatProblem } from './problems.ts';
export type { CheckedEntry } from './entry-rules.ts';
export { OUTLINE_MARKER } from './entry-rules.ts';

export interface ContentReport {
	problems: Problem[];
	/** Entries that passed their own schema (other problems may still apply). */
	entries: CheckedEntry[];
	paths: CheckedPath[];
	/** Topics that passed their schema, by id. */
	topics: Map<string, CheckedTopic>;
	/** Every entry file that could be read, valid or not: what cross-entry rules compare with. */
	entrySources: SourceFile[];
}

/** Lists and reads the files of one content folder, refusing symlinks and oversized files by name. */
function readFolder(root: string, dir: string, extension: string, nested: boolean, report: Report) {
	const listing = listContentFiles(root, dir, extension, nested);
	for (const refused of listing.refused) report({ line: 1, field: 'file', ...refused });
	return listing.files.map((file) => readSourceFile(root, file));
}

export async function checkContent(root: string, today = new Date()): Promise<ContentReport> {
	const problems: Problem[] = [];
	const report: Report = (problem, severity = 'error') => problems.push({ severity, ...problem });

	const sources = readFolder(root, ENTRIES_DIR, ENTRY_EXTENSION, true, report);
	const entries: (CheckedEntry & { source: SourceFile })[] = [];
	for (const source of sources) {
		const checked = await checkEntryFile(root, source, today, report);
		if (checked) entries.push({ ...checked, source });
	}
	checkAcrossEntries(root, sources, entries, report);
	const topics = await checkTopics(
		root,
		readFolder(root, 'content/topics', '.md', false, report),
		report,
	);
	checkAreasAndPicks(entries, topics, report);
	checkHealth(
		root,
		entries.map((entry) => ({ ...entry, lineOf: entry.source.lineOf })),
		today,
		(problem) => problems.push(problem),
	);
	const ids = new Set(sources.map((source) => idOf(source.path)));
	const paths = await checkPaths(
		root,
		readFolder(root, 'content/paths', '.md', false, report),
		ids,
		report,
	);
	return {
		problems: sortProblems(problems),
		entries: entries.map(({ source: _source, ...entry }) => entry),
		paths,
		topics,
		entrySources: sources,
	};
}
