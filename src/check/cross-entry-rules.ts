import { execFileSync } from 'node:child_process';
import { RELATION_TYPES } from '../schema/vocabulary.ts';
import type { CheckedEntry } from './entry-rules.ts';
import { idOf } from './ids.ts';
import { nameKey } from './name-key.ts';
import { normalizeUrl } from './normalize-url.ts';
import type { Problem, Report } from './problems.ts';
import type { SourceFile } from './source-files.ts';
import { plausibleTypo } from './zod-issues.ts';

/**
 * Rules across entries, computed over EVERY entry file, valid or not: an entry with a broken field
 * still holds its id, names and address, so neither the check nor `npm run new` lets a second
 * entry take them.
 */

/** What one file claims: the names, address and ids nobody else may hold. */
export interface Claims {
	id: string;
	file: string;
	names: { name: string; field: string; line: number }[];
	url?: { value: string; line: number } | undefined;
	formerIds: { id: string; field: string; line: number }[];
}

const strings = (value: unknown): [string, number][] =>
	Array.isArray(value)
		? value.flatMap((item, index) => (typeof item === 'string' ? [[item, index]] : []))
		: [];

/** Reads the claims of a file from its frontmatter as written, whether or not it passes the schema. */
export function claimsOf(source: SourceFile): Claims {
	const data = (source.data ?? {}) as Record<string, unknown>;
	const title = typeof data.title === 'string' ? [[data.title, -1] as [string, number]] : [];
	return {
		id: idOf(source.path),
		file: source.path,
		names: [...title, ...strings(data.aliases)].map(([name, index]) => ({
			name,
			field: index < 0 ? 'title' : `aliases.${index}`,
			line: source.lineOf(index < 0 ? ['title'] : ['aliases', index]),
		})),
		url:
			typeof data.url === 'string' ? { value: data.url, line: source.lineOf(['url']) } : undefined,
		formerIds: strings(data.formerIds).map(([id, index]) => ({
			id,
			field: `formerIds.${index}`,
			line: source.lineOf(['formerIds', index]),
		})),
	};
}

type Conflict = Omit<Problem, 'severity'>;

/** Adds `value` to the list kept under `key`, in insertion order. */
const addTo = <T>(map: Map<string, T[]>, key: string, value: T) => {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
};

/**
 * The claims of many files, looked up by what they claim, so a list of any size is checked in
 * one pass: comparing each file with every other made the check quadratic (minutes at 10,000).
 * Each key keeps its holders in the order they were added; the first one that is not the
 * candidate is the one a conflict names.
 */
export class ClaimIndex {
	readonly #ids = new Map<string, Claims[]>();
	readonly #formerIds = new Map<string, Claims[]>();
	readonly #names = new Map<string, { claims: Claims; field: string }[]>();
	readonly #urls = new Map<string, Claims[]>();

	constructor(claims: Iterable<Claims> = []) {
		for (const each of claims) this.add(each);
	}

	add(claims: Claims): void {
		addTo(this.#ids, claims.id, claims);
		for (const former of claims.formerIds) addTo(this.#formerIds, former.id, claims);
		const keys = new Set<string>();
		for (const { name, field } of claims.names) {
			const key = nameKey(name);
			if (keys.has(key)) continue;
			keys.add(key);
			addTo(this.#names, key, { claims, field });
		}
		if (claims.url) addTo(this.#urls, normalizeUrl(claims.url.value), claims);
	}

	/** Former ids of `candidate` that are the live id of another file. */
	formerIdsThatAreLive(candidate: Claims): Conflict[] {
		return candidate.formerIds.flatMap((former) => {
			const live = this.#other(this.#ids, former.id, candidate);
			return live
				? [
						{
							file: candidate.file,
							line: former.line,
							field: former.field,
							message: `"${former.id}" is the id of ${live.file}, so its address cannot redirect here`,
							fix: 'remove the former id, or rename the other entry',
						},
					]
				: [];
		});
	}

	/**
	 * Everything `candidate` claims that a file in the index already holds, each naming the holder.
	 * A former id that is someone's live id is the former id's fault, whichever file is newer; the
	 * check reports those once over all files (`formerVersusLive: false` leaves them out).
	 */
	conflictsOf(candidate: Claims, formerVersusLive = true): Conflict[] {
		const conflicts: Conflict[] = [];
		const { file } = candidate;
		const idHolder = this.#other(this.#ids, candidate.id, candidate);
		if (idHolder)
			conflicts.push({
				file,
				line: 1,
				field: 'file',
				message: `has the id "${candidate.id}", already used by ${idHolder.file}`,
				fix: 'ids are unique across topics: rename the new file',
			});
		const formerHolder = this.#other(this.#formerIds, candidate.id, candidate);
		if (formerHolder && !idHolder && formerVersusLive)
			conflicts.push({
				file,
				line: 1,
				field: 'file',
				message: `has the id "${candidate.id}", a former id of ${formerHolder.file}`,
				fix: 'that address already redirects there: pick another id',
			});

		const seen = new Map<string, string>();
		for (const { name, field, line } of candidate.names) {
			const key = nameKey(name);
			const own = seen.get(key);
			if (own) {
				conflicts.push({
					file,
					line,
					field,
					message: `${JSON.stringify(name)} repeats the entry's own ${own}`,
					fix: 'remove the repeated name',
				});
				continue;
			}
			seen.set(key, field);
			const owner = this.#names.get(key)?.find(({ claims }) => claims !== candidate);
			if (owner)
				conflicts.push({
					file,
					line,
					field,
					message: `${JSON.stringify(name)} is already the ${owner.field.startsWith('aliases') ? 'alias' : 'title'} of ${owner.claims.file}`,
					fix: 'names are unique across the list: pick a more specific one, or edit the existing entry instead',
				});
		}

		if (candidate.url) {
			const owner = this.#other(this.#urls, normalizeUrl(candidate.url.value), candidate);
			if (owner)
				conflicts.push({
					file,
					line: candidate.url.line,
					field: 'url',
					message: `points at the same page as ${owner.file}`,
					fix: 'each page gets one entry: edit the existing entry instead',
				});
		}

		if (formerVersusLive) conflicts.push(...this.formerIdsThatAreLive(candidate));
		for (const former of candidate.formerIds) {
			const live = this.#other(this.#ids, former.id, candidate);
			const claimed = this.#other(this.#formerIds, former.id, candidate);
			if (claimed && !live)
				conflicts.push({
					file,
					line: former.line,
					field: former.field,
					message: `"${former.id}" is already a former id of ${claimed.file}`,
					fix: 'an old address can redirect to one entry only: remove it from this one',
				});
		}
		return conflicts;
	}

	#other<T extends Claims>(map: Map<string, T[]>, key: string, candidate: Claims): T | undefined {
		return map.get(key)?.find((holder) => holder !== candidate);
	}
}

/**
 * Files in the order they joined the list: those in git's HEAD first, then new ones, each sorted.
 * Without git, sorted order stands in. A collision is reported on the later file.
 */
export function oldestFirst(root: string, files: readonly string[]): string[] {
	let tracked: Set<string>;
	try {
		const listing = execFileSync('git', ['ls-tree', '-r', '--name-only', 'HEAD', '--', 'content'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		const prefix = execFileSync('git', ['rev-parse', '--show-prefix'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim();
		tracked = new Set(listing.split('\n').map((path) => path.slice(prefix.length)));
	} catch {
		tracked = new Set();
	}
	const sorted = [...files].sort();
	return [
		...sorted.filter((file) => tracked.has(file)),
		...sorted.filter((file) => !tracked.has(file)),
	];
}

export function checkAcrossEntries(
	root: string,
	sources: readonly SourceFile[],
	entries: readonly CheckedEntry[],
	report: Report,
) {
	const byFile = new Map(sources.map((source) => [source.path, claimsOf(source)]));
	const inOrder = oldestFirst(root, [...byFile.keys()]).map((file) => byFile.get(file)!);
	const earlier = new ClaimIndex();
	for (const claims of inOrder) {
		for (const conflict of earlier.conflictsOf(claims, false)) report(conflict);
		earlier.add(claims);
	}
	for (const claims of inOrder)
		for (const conflict of earlier.formerIdsThatAreLive(claims)) report(conflict);
	const sourceOf = new Map(sources.map((source) => [source.path, source]));
	const existingIds = [...new Set(sources.map((source) => idOf(source.path)))];
	const isEntryId = new Set(existingIds);
	for (const entry of entries) {
		const source = sourceOf.get(entry.file)!;
		for (const type of RELATION_TYPES) {
			for (const [index, target] of (entry.data.relations[type] ?? []).entries()) {
				const path = ['relations', type, index];
				const line = source.lineOf(path);
				const field = path.join('.');
				if (target === entry.id)
					report({
						file: entry.file,
						line,
						field,
						message: 'points at the entry itself',
						fix: 'remove it',
					});
				else if (!isEntryId.has(target)) {
					const suggestion = plausibleTypo(target, existingIds);
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
