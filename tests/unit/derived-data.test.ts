import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibtexFor } from '../../src/lib/bibtex.ts';
import { relationsOf, successorsOf } from '../../src/lib/entries.ts';
import { buildNameShards, shardKey } from '../../src/lib/name-index.ts';
import { entryJsonSchema } from '../../src/schema/json-schema.ts';
import { fixtureEntries } from '../support/fixture-project.ts';

const entries = fixtureEntries();
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

describe('name shards', () => {
	it('files every title and alias under its first character, with what a result row needs', () => {
		const shards = buildNameShards(entries);
		expect(shards.get(shardKey('alpha'))!.names).toEqual(
			expect.arrayContaining([
				['alpha scheduler', 'alpha-scheduler'],
				['alpha', 'alpha-scheduler', 'alpha'],
			]),
		);
		expect(shards.get('a')!.entries['alpha-scheduler']).toEqual([
			'Alpha Scheduler',
			'tool',
			'orchestration',
			'active',
			2014,
		]);
		expect(shards.get('b')!.names).toContainEqual([
			'beta a fictional paper on cluster management',
			'beta-paper',
		]);
		expect(shardKey('éclair')).toBe('other');
		expect([...shards.values()].flatMap((shard) => shard.names)).toHaveLength(
			entries.reduce((count, entry) => count + 1 + (entry.data.aliases?.length ?? 0), 0),
		);
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
