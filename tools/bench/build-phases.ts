/** One phase of a build and how long it took, as the build log says. */
export interface BuildPhase {
	phase: string;
	seconds: number;
}

/** Entry cards drawn in a worker thread while content syncs and pages render: beside, not after. */
export const EARLY_CARDS_PHASE = 'social cards drawn early (beside sync and render)';
/** The cards left once the pages are written, drawn beside the search index rather than after it. */
export const SOCIAL_CARDS_PHASE = 'social cards after the pages (beside the search index)';

/** What is left of the wall time once the timed phases are taken out. */
export const OTHER_PHASE = 'other (start-up, writing, hooks)';

const COLOURS = /\x1b\[[0-9;]*m/g;

/**
 * A duration as Astro, Vite and our integrations write it: `850ms`, `1.22s`, `3.76 s`, `1m 23s`
 * or `2m`. (A bare `m` not followed by `s` is minutes.)
 */
const DURATION = String.raw`(\d+m(?: \d+s)?(?!s)|\d+(?:\.\d+)?\s?m?s)\b`;

/** A duration matched by {@link DURATION}, in seconds. */
export function durationSeconds(text: string): number {
	const minutes = /^(\d+)m(?: (\d+)s)?$/.exec(text);
	if (minutes) return Number(minutes[1]) * 60 + Number(minutes[2] ?? 0);
	const [, value = 'NaN', unit] = /^(\d+(?:\.\d+)?)\s?(ms|s)$/.exec(text) ?? [];
	return unit === 'ms' ? Number(value) / 1000 : Number(value);
}

const line = (pattern: string) => new RegExp(pattern.replace('DURATION', DURATION));
const CONTENT_CHECK = line(String.raw`\[wlm:content-gate\] Checked .* in DURATION`);
const TYPES = line(String.raw`\[types\] Generated DURATION`);
const VITE_BUILT = line(String.raw`\[vite\] ✓ built in DURATION`);
/** Astro's page rendering ends with a "✓ Completed in" of no prefix, after its server assets move. */
const REARRANGING = /\[build\] Rearranging server assets/;
const RENDERED = line(String.raw`(?<!\[build\] )✓ Completed in DURATION`);
const SEARCH_INDEX = line(String.raw`\[wlm:search-index\] .* in DURATION`);
const EARLY_CARDS = line(String.raw`\[wlm:social-cards\] .* drawn early in DURATION`);
const SOCIAL_CARDS = line(String.raw`\[wlm:social-cards\] .* drawn after the pages in DURATION`);

/**
 * Where a build's time went, from its log: the phases Astro and our integrations time, in the order
 * they run, then {@link OTHER_PHASE}, the rest of `wallMs` (start-up, writing files, other hooks).
 */
export function buildPhases(output: string, wallMs: number): BuildPhase[] {
	const lines = output.split('\n').map((line) => line.replace(COLOURS, '').trim());
	/** The durations of the lines matching `pattern`, in order. */
	const durations = (pattern: RegExp, from = 0) =>
		lines.slice(from).flatMap((text) => {
			const match = pattern.exec(text);
			return match ? [durationSeconds(match[1]!)] : [];
		});
	const rearranged = lines.findIndex((text) => REARRANGING.test(text));
	const [server, client] = durations(VITE_BUILT);
	const found: [string, number | undefined][] = [
		['content check', durations(CONTENT_CHECK)[0]],
		['content sync and types', durations(TYPES)[0]],
		['server bundle', server],
		['client bundle', client],
		['render pages', rearranged < 0 ? undefined : durations(RENDERED, rearranged + 1)[0]],
		['search index', durations(SEARCH_INDEX)[0]],
		[EARLY_CARDS_PHASE, durations(EARLY_CARDS)[0]],
		[SOCIAL_CARDS_PHASE, durations(SOCIAL_CARDS)[0]],
	];
	const phases = found.flatMap(([phase, seconds]) =>
		seconds === undefined ? [] : [{ phase, seconds }],
	);
	// Early cards take no time of their own; the rest are drawn while the sitemap and search index
	// are built, so only the time they take beyond the search index is added.
	const seconds = (name: string) => phases.find(({ phase }) => phase === name)?.seconds ?? 0;
	const timed =
		phases
			.filter(({ phase }) => phase !== SOCIAL_CARDS_PHASE && phase !== EARLY_CARDS_PHASE)
			.reduce((total, phase) => total + phase.seconds, 0) +
		Math.max(0, seconds(SOCIAL_CARDS_PHASE) - seconds('search index'));
	return [...phases, { phase: OTHER_PHASE, seconds: round(wallMs / 1000 - timed) }];
}

/** To the millisecond, so that a subtraction of decimal seconds prints as it reads. */
const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
