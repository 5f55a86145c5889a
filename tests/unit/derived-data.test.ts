import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibtexFor } from '../../src/lib/bibtex.ts';
import { relationsOf, successorsOf } from '../../src/lib/entries.ts';
import { buildNameShards, nearShardAddress, shardsOfName } from '../../src/lib/name-index.ts';
import { entryJsonSchema } from '../../src/schema/json-schema.ts';
import { fixtureEntries } from '../support/fixture-project.ts';

const entries = await fixtureEntries();
const TOPIC_TITLES = {
	orchestration: 'Orchestration',
	paas: 'Platforms',
	'datacenter-as-computer': 'The datacenter as a computer',
	networking: 'Networking',
};
const byId = (id: string) => entries.find((entry) => entry.id === id)!;

describe('relations', () => {
	it('shows a relation on both entries, in words that fit each side', () => {
		const onAlpha = relationsOf(byId('alpha-scheduler'), entries);
		const onBeta = relationsOf(byId('beta-paper'), entries);
		expect(onAlpha).toContainEqual(
			expect.objectContaining({
				type: 'inspiredBy',
				direction: 'forward',
				entries: [byId('beta-paper')],
			}),
		);
		expect(onBeta).toContainEqual(
			expect.objectContaining({
				type: 'inspiredBy',
				direction: 'inverse',
				entries: [byId('alpha-scheduler')],
			}),
		);
	});

	it('merges symmetric relations into one list per entry', () => {
		const onGamma = relationsOf(byId('gamma-platform'), entries);
		expect(onGamma.filter((group) => group.type === 'alternativeTo')).toEqual([
			{ type: 'alternativeTo', direction: 'forward', entries: [byId('delta-mesh')] },
		]);
	});

	it('finds the successor of a retired entry', () => {
		expect(successorsOf(byId('gamma-platform'), entries)).toEqual([byId('alpha-scheduler')]);
	});
});

describe('BibTeX', () => {
	it('parses with a real BibTeX parser and carries the DOI, authors and venue', () => {
		const beta = byId('beta-paper');
		const { entries: records, errors } = parse(bibtexFor(beta.id, beta.data), {
			sentenceCase: false,
		});
		expect(errors).toEqual([]);
		expect(records).toHaveLength(1);
		expect(records[0]).toMatchObject({
			key: 'beta-paper',
			type: 'inproceedings',
			fields: {
				doi: '10.9999/beta.2012',
				year: '2012',
				booktitle: 'Imaginary Systems Conference 2012',
			},
		});
		expect(records[0]!.fields.author).toEqual([
			{ firstName: 'Ada', lastName: 'Example' },
			{ firstName: 'Bo', lastName: 'Sample' },
			{ lastName: 'others' },
		]);
	});

	it('escapes BibTeX specials and files journal papers as articles', () => {
		const beta = byId('beta-paper');
		const bib = bibtexFor('x', {
			...beta.data,
			title: 'Costs & 100% of {everything}',
			venue: 'ACM SIGCOMM Computer Communication Review 38(2)',
		});
		const { entries: records, errors } = parse(bib, { sentenceCase: false });
		expect(errors).toEqual([]);
		expect(records[0]).toMatchObject({
			type: 'article',
			fields: { journal: 'ACM SIGCOMM Computer Communication Review 38(2)' },
		});
		expect(records[0]!.fields.title).toMatch(/Costs & 100% of \{?everything\}?/i);
	});
});

describe('BibTeX with hostile doi and url', () => {
	it.each([
		['balanced braces', '10.1000/a{b}c%d#e_f', 'https://e.example/a_b%20c#frag&x=1~y'],
		['an unbalanced brace that would end the field', '10.1000/x}', 'https://e.example/}{x'],
		['a trailing backslash', '10.1000/x\\', 'https://e.example/x\\'],
		['a field injection', '10.1000/x},note={pwned', 'https://e.example/},title={Pwned'],
	])('%s still parses to the same fields', (_case, doi, url) => {
		const beta = byId('beta-paper');
		const bib = bibtexFor('x', { ...beta.data, doi, url });
		const { entries: records, errors } = parse(bib, { sentenceCase: false });
		expect(errors).toEqual([]);
		expect(records).toHaveLength(1);
		const fields = records[0]!.fields;
		expect(Object.keys(fields).sort()).toEqual([
			'author',
			'booktitle',
			'doi',
			'title',
			'url',
			'year',
		]);
		expect(fields.title).toBe(beta.data.title);
		const decoded = (value: unknown) =>
			String(value).replace(/%(7B|7D|5C)/g, (_, code: string) =>
				String.fromCharCode(parseInt(code, 16)),
			);
		expect(decoded(fields.doi)).toBe(doi);
		expect(decoded(fields.url)).toBe(url);
	});
});

describe('name shards', () => {
	it('files every title and alias under its first two characters, with what a result row needs', () => {
		const shards = buildNameShards(entries, TOPIC_TITLES);
		expect(shards.get(nearShardAddress('alpha'))!.names).toEqual(
			expect.arrayContaining([
				['alpha scheduler', 'alpha-scheduler'],
				['alpha', 'alpha-scheduler', 'alpha'],
			]),
		);
		expect(shards.get('al')!.entries['alpha-scheduler']).toEqual([
			'Alpha Scheduler',
			'tool',
			'orchestration',
			'active',
			2014,
		]);
		expect(shards.get('al')!.topics).toMatchObject({ orchestration: 'Orchestration' });
		expect(shards.get('be')!.names).toContainEqual([
			'beta a fictional paper on cluster management',
			'beta-paper',
		]);
		expect(nearShardAddress('éclair')).toBe('_c');
		const near = [...shards].filter(([address]) => !address.includes('-'));
		expect(near.flatMap(([, shard]) => shard.names)).toHaveLength(
			entries.reduce((count, entry) => count + 1 + (entry.data.aliases?.length ?? 0), 0),
		);
	});

	it('also files names by their second and third, and first and third characters', () => {
		const shards = buildNameShards(entries, TOPIC_TITLES);
		expect(shardsOfName('alpha scheduler')).toEqual(['al', 'skip-first-lp', 'skip-second-ap']);
		expect(shards.get('skip-first-lp')!.names).toContainEqual([
			'alpha scheduler',
			'alpha-scheduler',
		]);
		expect(shards.get('skip-second-ap')!.names).toContainEqual([
			'alpha scheduler',
			'alpha-scheduler',
		]);
		// Every address exists, so a client never fetches the 404 page instead of a shard.
		expect(shards.size).toBe(3 * 37 * 37);
	});
});

describe('JSON Schema for editors', () => {
	it('describes every frontmatter field and rejects unknown ones', () => {
		const schema = entryJsonSchema() as {
			properties: Record<string, { description?: string }>;
			required: string[];
			additionalProperties: boolean;
		};
		expect(schema.required).toEqual(['title', 'url', 'topic', 'kind', 'summary']);
		expect(schema.additionalProperties).toBe(false);
		for (const [field, property] of Object.entries(schema.properties))
			expect(property.description, field).toBeTruthy();
	});
});
