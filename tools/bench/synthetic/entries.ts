import { routes } from '../../../src/lib/routes.ts';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { slugify } from '../../../src/lib/names.ts';
import {
	ONSETS,
	VOWELS,
	CODAS,
	TOOL_SUFFIXES,
	ADJECTIVES,
	NOUNS,
	SCOPES,
	VERBS,
	THINGS,
	ORGS,
	ARTICLE_ENDINGS,
	VENUES,
	TAGS,
	SURNAMES,
	MONTHS,
	SENTENCES,
} from './words.ts';
import {
	RELATIONS,
	RETIRED_STATUSES,
	TOPICS,
	type Kind,
	type RelationType,
	type Status,
	type Topic,
} from '../../../src/schema/vocabulary.ts';

/**
 * Made-up but lifelike entries for the benchmark: invented names, each kind with its own fields,
 * retired statuses with a status note, relations that resolve (lineage mostly within a family of
 * entries, always from earlier to later), and 80–250-word bodies drawn from a wide vocabulary so the
 * search index grows as a real one would. The same count and seed always give the same entries.
 */

export interface SyntheticEntry {
	id: string;
	topic: Topic;
	kind: Kind;
	title: string;
	/** The whole `.mdx` file: frontmatter and body. */
	source: string;
}

export interface SyntheticOptions {
	seed?: number;
	/** Dates are set relative to it, so `reviewed` stays fresh and the check stays quiet. */
	today?: Date;
}

const KIND_WEIGHTS: Record<Kind, number> = {
	tool: 45,
	paper: 25,
	article: 15,
	book: 5,
	talk: 5,
	spec: 5,
};
const TOOL_STATUS_WEIGHTS: Record<Status, number> = {
	active: 55,
	maintenance: 15,
	deprecated: 10,
	archived: 12,
	defunct: 8,
};
const WRITING_STATUS_WEIGHTS: Record<Status, number> = {
	active: 90,
	maintenance: 0,
	deprecated: 0,
	archived: 5,
	defunct: 5,
};
const BODY_WORDS = { min: 90, max: 240 };

/** Entries come in families of this many, in generation order: a project with its papers and forks. */
const FAMILY_SIZE = 32;
/** Share of lineage links that leave their family: history mostly stays within one line of work. */
const CROSS_FAMILY_SHARE = 0.05;
/** Lineage links per entry, drawn from this list: about 0.9 on average, as in the real list. */
const LINEAGE_LINKS = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3];
/** `alternativeTo` links per tool, drawn from this list: about 1.2, as in the real list. */
const ALTERNATIVES = [0, 0, 1, 1, 2, 3];

/**
 * The real topic files, with each topic's editors' picks replaced by its first generated entries
 * (the real picks do not exist among generated entries).
 */
function writeTopics(dir: string, realContentDir: string, entries: SyntheticEntry[]) {
	const topics = new Map<string, { areas?: { id: string }[] }>();
	mkdirSync(join(dir, 'topics'), { recursive: true });
	for (const name of readdirSync(join(realContentDir, 'topics'))) {
		if (!name.endsWith('.md')) continue;
		const topic = name.slice(0, -'.md'.length);
		const [, frontmatter = '', body = ''] =
			/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(
				readFileSync(join(realContentDir, 'topics', name), 'utf8'),
			) ?? [];
		const data = parse(frontmatter) as { startHere?: string[]; areas?: { id: string }[] };
		const picks = entries.filter((entry) => entry.topic === topic).slice(0, 3);
		if (data.startHere) {
			if (picks.length >= 3) data.startHere = picks.map((entry) => entry.id);
			else delete data.startHere;
		}
		topics.set(topic, data);
		writeFileSync(join(dir, 'topics', name), `---\n${stringify(data)}---\n${body}`);
	}
	return topics;
}

/** Writes `count` synthetic entries into `dir/entries`, the real topics, and one reading path. */
export function writeSyntheticContent(
	dir: string,
	count: number,
	realContentDir: string,
	options: SyntheticOptions = {},
): SyntheticEntry[] {
	const entries = syntheticEntries(count, options);
	writeBenchContent(dir, entries, realContentDir);
	return entries;
}

/**
 * Writes generated `entries` into `dir/entries`, with the real topics (their picks replaced) and
 * one reading path through the first few entries.
 */
export function writeBenchContent(dir: string, entries: SyntheticEntry[], realContentDir: string) {
	const topics = writeTopics(dir, realContentDir, entries);
	for (const [index, entry] of entries.entries()) {
		// Spread the entries over the topic's areas, as editors would, so topic pages group them.
		const areas = topics.get(entry.topic)?.areas ?? [];
		const source = areas.length
			? entry.source.replace(/^topic: .*$/m, (line) => `${line}\narea: ${areas[index % areas.length]!.id}`)
			: entry.source;
		mkdirSync(join(dir, 'entries', entry.topic), { recursive: true });
		writeFileSync(join(dir, 'entries', entry.topic, `${entry.id}.mdx`), source);
	}
	mkdirSync(join(dir, 'paths'), { recursive: true });
	const steps = entries.slice(0, 6).map((entry) => ({
		entry: entry.id,
		why: `Read ${entry.title} to see one more step along the way.`,
	}));
	const path = {
		title: 'A Tour of Invented Systems',
		summary:
			'A short route through the first few generated entries, to give the reading-path pages real weight.',
		steps,
	};
	writeFileSync(
		join(dir, 'paths', 'a-tour-of-invented-systems.md'),
		`---\n${stringify(path, { version: '1.1' })}---\n`,
	);
}

/** Generates `count` entries, each valid against the entry schema and the content check. */
export function syntheticEntries(
	count: number,
	{ seed = 1, today = new Date() }: SyntheticOptions = {},
): SyntheticEntry[] {
	const random = mulberry32(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const weighted = <T extends string>(weights: Record<T, number>): T => {
		const total = Object.values<number>(weights).reduce((sum, weight) => sum + weight, 0);
		let roll = random() * total;
		for (const [key, weight] of Object.entries<number>(weights))
			if ((roll -= weight) < 0) return key as T;
		return Object.keys(weights)[0] as T;
	};
	// Every title and alias is built around a name claimed here, so names stay unique across the list.
	const claimed = new Set<string>();
	const claim = (name: string) =>
		!claimed.has(name.toLowerCase()) && !!claimed.add(name.toLowerCase());
	const inventName = (): string => {
		for (;;) {
			const syllables = 2 + Math.floor(random() * 2);
			let word = '';
			for (let index = 0; index < syllables; index++)
				word += pick(ONSETS) + pick(VOWELS) + (index === syllables - 1 ? pick(CODAS) : '');
			const name = word[0]!.toUpperCase() + word.slice(1);
			if (claim(name)) return name;
		}
	};
	const isoDaysAgo = (days: number) =>
		new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);

	const skeletons = Array.from({ length: count }, (_, index) => {
		const topic = TOPICS[index % TOPICS.length]!;
		const kind = weighted(KIND_WEIGHTS);
		const name = inventName();
		const year =
			kind === 'tool' || kind === 'spec'
				? 2003 + Math.floor(random() * 24)
				: 1995 + Math.floor(random() * 32);
		const status = weighted(kind === 'tool' ? TOOL_STATUS_WEIGHTS : WRITING_STATUS_WEIGHTS);
		const { title, id } = titleFor(kind, name, pick);
		return { index, topic, kind, name, year, status, title, id };
	});
	const byTopic = Map.groupBy(skeletons, (skeleton) => skeleton.topic);
	const toolsByTopic = Map.groupBy(
		skeletons.filter((skeleton) => skeleton.kind === 'tool'),
		(skeleton) => skeleton.topic,
	);
	const titles = new Map(skeletons.map((skeleton) => [skeleton.id, skeleton.title]));
	// Lineage runs from earlier to later, so the links can never form a cycle: ties in year are
	// broken by generation order.
	const rank = (skeleton: (typeof skeletons)[number]) => skeleton.year * count + skeleton.index;

	return skeletons.map((skeleton) => {
		const { index, topic, kind, name, year, status, title, id } = skeleton;
		const relations: Partial<Record<RelationType, string[]>> = {};
		const link = (type: RelationType, target: (typeof skeletons)[number] | undefined) => {
			if (target && target.id !== id && !relations[type]?.includes(target.id))
				(relations[type] ??= []).push(target.id);
		};
		const family = skeletons.slice(
			index - (index % FAMILY_SIZE),
			index - (index % FAMILY_SIZE) + FAMILY_SIZE,
		);
		for (let made = pick(LINEAGE_LINKS); made > 0; made--) {
			const type: RelationType =
				kind === 'tool'
					? RETIRED_STATUSES.includes(status) && random() < 0.4
						? 'supersededBy'
						: random() < 0.6
							? 'buildsOn'
							: 'inspiredBy'
					: random() < 0.6
						? 'describes'
						: 'inspiredBy';
			const forward = RELATIONS[type].lineage === 'from-this';
			const pool = random() < CROSS_FAMILY_SHARE ? skeletons : family;
			const fits = (candidate: (typeof skeletons)[number]) =>
				(forward ? rank(candidate) > rank(skeleton) : rank(candidate) < rank(skeleton)) &&
				(type !== 'describes' || candidate.kind === 'tool' || candidate.kind === 'spec');
			link(type, Array.from({ length: 8 }, () => pick(pool)).find(fits));
		}
		if (kind === 'tool')
			for (let made = pick(ALTERNATIVES); made > 0; made--)
				link('alternativeTo', pick(toolsByTopic.get(topic)!));
		if (random() < 0.15) link('related', pick(byTopic.get(topic)!));
		const other = Object.values(relations)[0]?.[0];
		const otherTitle = other ? titles.get(other)! : pick(skeletons).name;

		const aliases = aliasesFor(kind, name, claim, inventName, random);
		const addedDaysAgo = 30 + Math.floor(random() * 900);
		const data = {
			title,
			url: urlFor(kind, id, index),
			topic,
			kind,
			summary: `${capitalize(pick(ADJECTIVES))} ${pick(NOUNS)} that ${pick(VERBS)} ${pick(THINGS)} for ${pick(SCOPES)}, known as ${name}.`,
			...(aliases.length > 0 && { aliases }),
			year,
			...((kind === 'paper' || kind === 'book') && {
				authors: Array.from(
					{ length: 1 + Math.floor(random() * 4) },
					() => `${String.fromCharCode(65 + Math.floor(random() * 26))}. ${pick(SURNAMES)}`,
				),
			}),
			...(kind === 'paper' && { venue: `${pick(VENUES)} ${year}`, doi: `10.5555/wlm.${index}` }),
			status,
			...(status !== 'active' && { statusNote: statusNoteFor(status, year, pick) }),
			...(Object.keys(relations).length > 0 && { relations }),
			tags: [...new Set([pick(TAGS), pick(TAGS)])],
			added: isoDaysAgo(addedDaysAgo),
			reviewed: isoDaysAgo(Math.floor(random() * Math.min(addedDaysAgo, 300))),
			...(random() < 0.005 && { formerIds: [`old-${id}`] }),
		};
		const body = bodyFor(name, year, otherTitle, other, pick, random);
		return {
			id,
			topic,
			kind,
			title,
			source: `---\n${stringify(data, { version: '1.1', lineWidth: 0 })}---\n\n${body}\n`,
		};
	});
}

function titleFor(
	kind: Kind,
	name: string,
	pick: <T>(list: readonly T[]) => T,
): { title: string; id: string } {
	const slug = slugify(name);
	switch (kind) {
		case 'tool': {
			const title = name + pick(TOOL_SUFFIXES);
			return { title, id: slugify(title) };
		}
		case 'paper':
			return {
				title: `${name}: ${capitalize(pick(ADJECTIVES))} ${capitalize(pick(NOUNS))} for ${capitalize(pick(SCOPES))}`,
				id: `${slug}-paper`,
			};
		case 'article':
			return {
				title: `Running ${name} for ${capitalize(pick(NOUNS))}: Notes from ${pick(ARTICLE_ENDINGS)}`,
				id: `${slug}-article`,
			};
		case 'book':
			return {
				title: `${name} in Practice: ${capitalize(pick(NOUNS))} at Scale`,
				id: `${slug}-book`,
			};
		case 'talk':
			return {
				title: `${name} in Production: Lessons from ${capitalize(pick(NOUNS))}`,
				id: `${slug}-talk`,
			};
		case 'spec':
			return {
				title: `${name} ${capitalize(pick(NOUNS))} Interface Specification`,
				id: `${slug}-spec`,
			};
	}
}

/** Other names people search by, in the styles the real list uses. */
function aliasesFor(
	kind: Kind,
	name: string,
	claim: (name: string) => boolean,
	inventName: () => string,
	random: () => number,
): string[] {
	const roll = random();
	switch (kind) {
		case 'tool': {
			if (roll < 0.35) return [`${slugify(name)}-dev/${slugify(name)}`];
			// A numeronym in the style of "k8s", when no other tool has it yet.
			const numeronym = `${name[0]!.toLowerCase()}${name.length - 2}${name.at(-1)}`;
			if (roll < 0.55) return claim(numeronym) ? [numeronym] : [];
			return roll < 0.7 ? [inventName()] : [];
		}
		case 'paper':
			return roll < 0.85 ? [name, `${name} paper`] : [`${name} paper`];
		default:
			return roll < 0.6 ? [`${name} ${kind}`] : [];
	}
}

function urlFor(kind: Kind, id: string, index: number): string {
	switch (kind) {
		case 'tool':
			return `https://${id}.example.org/`;
		case 'paper':
			return `https://doi.org/10.5555/wlm.${index}`;
		case 'article':
			return `https://blog.example.net/posts/${id}/`;
		case 'book':
			return `https://books.example.com/${id}`;
		case 'talk':
			return `https://talks.example.com/${id}/`;
		case 'spec':
			return `https://spec.example.org/${id}/`;
	}
}

function statusNoteFor(status: Status, year: number, pick: <T>(list: readonly T[]) => T): string {
	const when = `${pick(MONTHS)} ${Math.min(2026, year + 3)}`;
	if (!RETIRED_STATUSES.includes(status)) return `Receives security fixes only since ${when}.`;
	return {
		deprecated: `Deprecated by its maintainers in ${when}.`,
		archived: `Archived on GitHub in ${when}.`,
		defunct: `Shut down in ${when}.`,
	}[status as 'deprecated' | 'archived' | 'defunct'];
}

function bodyFor(
	name: string,
	year: number,
	otherTitle: string,
	otherId: string | undefined,
	pick: <T>(list: readonly T[]) => T,
	random: () => number,
): string {
	const target = BODY_WORDS.min + Math.floor(random() * (BODY_WORDS.max - BODY_WORDS.min - 40));
	const sentences: string[] = [];
	const templates = shuffle(SENTENCES, random);
	let words = 0;
	while (words < target) {
		const sentence = templates[sentences.length % templates.length]!.replaceAll('{name}', name)
			.replaceAll('{other}', otherTitle)
			.replaceAll('{year}', String(year))
			.replace(/\{(adj|noun|scope|verb|thing|org)\}/g, (_, slot: string) =>
				pick(
					{ adj: ADJECTIVES, noun: NOUNS, scope: SCOPES, verb: VERBS, thing: THINGS, org: ORGS }[
						slot
					]!,
				),
			);
		sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
		words += sentence.split(/\s+/).length;
	}
	// Real entries link related entries inline, by root-relative address.
	if (otherId && random() < 0.3) sentences.push(`See also [${otherTitle}](/${routes.entry(otherId)}).`);
	const paragraphs: string[] = [];
	for (let start = 0; start < sentences.length; start += 3)
		paragraphs.push(sentences.slice(start, start + 3).join(' '));
	return paragraphs.join('\n\n');
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
	const copy = [...list];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[copy[index], copy[other]] = [copy[other]!, copy[index]!];
	}
	return copy;
}

const capitalize = (text: string) =>
	text.replace(
		/(^|\s)(\p{Ll})/gu,
		(_, space: string, letter: string) => space + letter.toUpperCase(),
	);

/** A small, fast, seedable PRNG: the same seed gives the same list on every machine. */
function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}
