import { describe, expect, it } from 'vitest';
import { buildNameShards, farShardAddresses, nearShardAddress } from '../../src/lib/name-index.ts';
import { normalizeName } from '../../src/lib/names.ts';
import { RECORD_MARK } from '../../src/lib/search-contract.ts';
import {
	correctionFor,
	defaultSort,
	findNames,
	namesFirst,
	phraseFirst,
	queryWords,
	NO_FILTERS,
	proseExcerpt,
	rankByWords,
	rowFromFragment,
	suggestionFor,
	type Fragment,
	type Row,
} from '../../src/client/search/rank.ts';

const TOPICS = {
	orchestration: 'Orchestration',
	paas: 'Platforms',
	'datacenter-as-computer': 'Datacenter as a computer',
	networking: 'Networking',
};
const entry = (id: string, title: string, aliases: string[] = [], kind = 'tool' as const) => ({
	id,
	data: {
		title,
		aliases,
		kind,
		topic: 'orchestration' as const,
		status: 'active' as const,
		year: 2014,
	},
});
const shards = buildNameShards(
	[
		entry('kubernetes', 'Kubernetes', ['k8s']),
		entry('kubeflow', 'Kubeflow'),
		entry('kubernetes-book', 'Kubernetes: Up and Running', [], 'book' as never),
		entry('nomad', 'HashiCorp Nomad', ['Nomad']),
		entry('openshift', 'Red Hat OpenShift', ['OpenShift', 'OCP']),
	],
	TOPICS,
);
/** The shards the client loads for a query: the near one, then the far ones on a miss. */
const near = (query: string) => [shards.get(nearShardAddress(query))!];
const far = (query: string) => farShardAddresses(query).map((address) => shards.get(address)!);
const names = (query: string) => {
	const normalized = normalizeName(query);
	const hits = findNames(normalized, near(normalized));
	return hits.length ? hits : findNames(normalized, [...near(normalized), ...far(normalized)]);
};
const ids = (query: string) => names(query).map((hit) => `${hit.id}:${hit.match}`);

describe('name matching', () => {
	it('ranks exact names, then prefixes by length, and drops typos once a name matches exactly', () => {
		expect(ids('k8s')).toEqual(['kubernetes:name']);
		expect(ids('kube')).toEqual(['kubeflow:prefix', 'kubernetes:prefix', 'kubernetes-book:prefix']);
		expect(ids('nomad')).toEqual(['nomad:name']);
		expect(ids('OCP')).toEqual(['openshift:name']);
	});

	it('finds a name one typo away, also in its first two characters', () => {
		expect(ids('kubernets')).toEqual(['kubernetes:typo']);
		expect(ids('ubernetes')).toEqual(['kubernetes:typo']);
		expect(ids('hubernetes')).toEqual(['kubernetes:typo']);
		expect(ids('ukbernetes')).toEqual(['kubernetes:typo']);
		expect(ids('kbernetes')).toEqual(['kubernetes:typo']);
		expect(ids('kibernetes')).toEqual(['kubernetes:typo']);
		expect(ids('xkubernetes')).toEqual(['kubernetes:typo']);
		expect(ids('kuubernetes')).toEqual(['kubernetes:typo']);
		expect(ids('opneshift')).toEqual(['openshift:typo']);
	});

	it('offers a typo as a correction, never an exact or partial match', () => {
		expect(correctionFor(names('ubernetes'))?.matched).toBe('Kubernetes');
		expect(correctionFor(names('OpenShfit'))?.matched).toBe('OpenShift');
		expect(correctionFor(names('kube'))).toBeUndefined();
		expect(correctionFor(names('k8s'))).toBeUndefined();
	});

	it('keeps only entries that pass the filters', () => {
		const books = { ...NO_FILTERS, kind: ['book'] };
		expect(findNames('kube', near('kube'), books).map((hit) => hit.id)).toEqual([
			'kubernetes-book',
		]);
	});

	it('suggests the nearest name within three edits', () => {
		expect(suggestionFor('kubrnetesx', near('kubrnetesx'))).toEqual({
			id: 'kubernetes',
			title: 'Kubernetes',
		});
		expect(suggestionFor('zzzz', near('zzzz'))).toBeUndefined();
	});
});

const fragment = (prose: string, located: number[], title = 'Linkerd'): Fragment => ({
	url: '/entries/linkerd/',
	raw_content: `${prose} ${RECORD_MARK} ${title}. A service mesh from Buoyant.`,
	meta: {
		id: 'linkerd',
		title,
		summary: 'A service mesh from Buoyant.',
		topicTitle: 'Networking',
		year: '2016',
	},
	filters: { kind: ['tool'], topic: ['networking'], status: ['active'] },
	weighted_locations: located.map((location) => ({ location, balanced_score: 1, weight: 1 })),
});

describe('rows and excerpts', () => {
	const prose = 'Linkerd is a service mesh: it places a proxy alongside each service.';
	it('takes the excerpt from the prose, marks what matched, and does not repeat the title', () => {
		const excerpt = proseExcerpt(fragment(prose, [3, 4]))!;
		expect(excerpt).toBe(
			'… is a <mark>service</mark> <mark>mesh:</mark> it places a proxy alongside each service.',
		);
	});

	it('shows the summary when only the name, aliases or summary matched', () => {
		const record = fragment(prose, [13, 16]);
		expect(proseExcerpt(record)).toBeUndefined();
		expect(rowFromFragment(record, 'text').excerpt).toBe('A service mesh from Buoyant.');
		expect(rowFromFragment(fragment(prose, [3]), 'name')).toMatchObject({
			id: 'linkerd',
			title: 'Linkerd',
			kind: 'tool',
			topicTitle: 'Networking',
			year: 2016,
			excerpt: 'A service mesh from Buoyant.',
		});
	});

	it('escapes text, so the only markup is <mark>', () => {
		expect(proseExcerpt(fragment('Use <b>x</b> & y', [0]))).toBe(
			'<mark>Use</mark> &lt;b&gt;x&lt;/b&gt; &amp; y',
		);
	});
});

describe('ordering', () => {
	const result = (id: string, score: number) => ({ id, score });
	it('puts entries matching every word first, then more words before fewer', () => {
		const every = [result('linkerd', 9), result('istio', 8)];
		const perWord = [
			[result('linkerd', 5), result('heroku', 9), result('istio', 4), result('envoy', 1)],
			[result('istio', 3), result('envoy', 1), result('linkerd', 2)],
		];
		expect(rankByWords(every, perWord).map((entry) => entry.id)).toEqual([
			'linkerd',
			'istio',
			'envoy',
			'heroku',
		]);
	});

	it('puts results holding the query as a phrase before those holding its words apart', () => {
		const apart = fragment('A service that is a platform of sorts, as it were.', [1, 5]);
		const together = { ...fragment('Heroku is a hosted platform-as-a-service.', [4]), url: 'b' };
		expect(phraseFirst([apart, together], 'Platform as a service').map((f) => f.url)).toEqual([
			'b',
			'/entries/linkerd/',
		]);
		expect(phraseFirst([apart, together], 'platform')).toEqual([apart, together]);
	});

	it('leaves stop words out of the some-of-the-words pass', () => {
		expect(queryWords('Platform as a  service')).toEqual(['platform', 'service']);
	});

	it('moves name matches to the front in the names’ order', () => {
		const row = (id: string) => ({ id }) as Row;
		const hits = names('kube');
		expect(
			namesFirst([row('x'), row('kubernetes'), row('kubeflow')], hits).map((r) => r.id),
		).toEqual(['kubeflow', 'kubernetes', 'x']);
	});

	it('browses papers by year and everything else by title; a query by relevance', () => {
		expect(defaultSort('', { ...NO_FILTERS, kind: ['paper'] })).toBe('year');
		expect(defaultSort('', { ...NO_FILTERS, topic: ['paas'] })).toBe('title');
		expect(defaultSort('mesh', { ...NO_FILTERS, kind: ['paper'] })).toBe('relevance');
	});
});
