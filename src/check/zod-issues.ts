import type { z } from 'astro/zod';
import { closest } from '../lib/names.ts';
import { quote, type Report } from './problems.ts';
import type { SourceFile } from './source-files.ts';

/** Turns a zod issue into a problem on the line of its field, saying what to write instead. */
export function reportSchemaIssue(
	source: SourceFile,
	schema: z.ZodObject,
	issue: z.core.$ZodIssue,
	report: Report,
) {
	const file = source.path;
	if (issue.code === 'unrecognized_keys') {
		for (const key of issue.keys) {
			const known = issue.path.length ? undefined : plausibleTypo(key, Object.keys(schema.shape));
			report({
				file,
				line: source.lineOf([...issue.path, key]),
				field: [...issue.path, key].join('.'),
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
				? (schema.shape[issue.path[0] as string] as z.ZodType | undefined)?.description
				: undefined;
		const fix =
			issue.code === 'custom' ? issue.message : `add it${description ? `: ${description}` : ''}`;
		report({ file, line, field, message: 'is missing', fix });
		return;
	}
	report({ file, line, field, message: `is ${show(received)}`, fix: issue.message });
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	return path.reduce<unknown>(
		(value, key) =>
			value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
		data,
	);
}

function show(value: unknown): string {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'string') return quote(value);
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The candidate nearest to `word`, if it is close enough to be a plausible typo. */
export const plausibleTypo = (word: string, candidates: readonly string[]) =>
	closest(word, candidates, Math.max(2, Math.floor(word.length / 3)));
