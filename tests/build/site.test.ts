import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckedEntry } from '../../src/check/index.ts';
import { PROJECT_ROOT } from '../../tools/harness/project-copy.ts';
import { entryJsonSchema } from '../../src/schema/json-schema.ts';
import { allShardAddresses, nearShardAddress } from '../../src/lib/name-index.ts';
import { normalizeName } from '../../src/lib/names.ts';
import {
	LINEAGE_RELATIONS,
	lineageArrow,
	RELATION_TYPES,
	TOPICS,
} from '../../src/schema/vocabulary.ts';
import { readBuilt, textOf } from '../support/dist.ts';
import { builtSite } from '../support/site.ts';

const { distDir } = builtSite();
const built = (path: string) => readBuilt(distDir, path);
let entries: CheckedEntry[];
beforeAll(async () => {
	entries = (await checkContent(PROJECT_ROOT)).entries;
});

describe('the real build', () => {
	it('has the content the site promises: 60+ entries, 10+ per topic', () => {
		expect(entries.length).toBeGreaterThanOrEqual(60);
		for (const topic of TOPICS)
			expect(
				entries.filter((entry) => entry.data.topic === topic).length,
				topic,
			).toBeGreaterThanOrEqual(10);
	});

	it('builds one page per entry, whose <h1> is the entry title', () => {
		const pages = readdirSync(join(distDir, 'entries'), { withFileTypes: true })
			.filter((item) => item.isDirectory())
			.map((item) => item.name);
		expect(pages.sort()).toEqual(entries.map((entry) => entry.id).sort());
		for (const entry of entries) {
			const html = built(`entries/${entry.id}/index.html`);
			expect(textOf(html, /<h1[^>]*>([\s\S]*?)<\/h1>/), entry.id).toBe(entry.data.title);
			expect(textOf(html, /<title>([\s\S]*?)<\/title>/)).toBe(
				`${entry.data.title} · Wrangling Lots of Machines`,
			);
			// The prose and the search record are indexed; the facts box, links and relations are not.
			expect(html.match(/data-pagefind-body/g), entry.id).toHaveLength(2);
			expect(html).toMatch(/<div class="prose"[^>]* data-pagefind-body/);
		}
	});

	it("writes every name shard, empty ones included, filing each entry's title and aliases", () => {
		const written = readdirSync(join(distDir, 'search/names')).map((file) =>
			file.replace(/\.json$/, ''),
		);
		expect(written.sort()).toEqual(allShardAddresses().sort());
		for (const { id, data } of entries) {
			for (const name of [data.title, ...(data.aliases ?? [])].map(normalizeName)) {
				const shard = JSON.parse(built(`search/names/${nearShardAddress(name)}.json`));
				expect(
					shard.names.some(([filed, entry]: string[]) => filed === name && entry === id),
					name,
				).toBe(true);
				expect(shard.entries[id][0]).toBe(data.title);
			}
		}
	});

	it('builds pages per topic listing each of its entries, retired ones marked', () => {
		for (const topic of TOPICS) {
			const later = readdirSync(join(distDir, 'topics', topic), { withFileTypes: true })
				.filter((item) => item.isDirectory() && /^\d+$/.test(item.name))
				.map((item) => built(`topics/${topic}/${item.name}/index.html`));
			const html = [built(`topics/${topic}/index.html`), ...later].join('\n');
			const own = entries.filter((entry) => entry.data.topic === topic);
			for (const entry of own)
				expect(html, `${topic} lists ${entry.id}`).toContain(`href="/entries/${entry.id}/"`);
			for (const entry of own.filter((candidate) =>
				['deprecated', 'archived', 'defunct'].includes(candidate.data.status),
			)) {
				const card = html
					.slice(html.indexOf(`href="/entries/${entry.id}/"`))
					.split('</article>')[0]!;
				expect(card, entry.id).toContain(`data-status="${entry.data.status}"`);
			}
			expect(html).not.toContain('data-pagefind-body');
		}
	});

	it('shows every relation on both entries', () => {
		for (const entry of entries) {
			for (const type of RELATION_TYPES) {
				for (const target of entry.data.relations[type] ?? []) {
					const own =
						built(`entries/${entry.id}/index.html`).split('id="relations-heading"')[1] ?? '';
					const other =
						built(`entries/${target}/index.html`).split('id="relations-heading"')[1] ?? '';
					expect(own, `${entry.id} → ${target}`).toContain(`href="/entries/${target}/"`);
					expect(other, `${target} ← ${entry.id}`).toContain(`href="/entries/${entry.id}/"`);
				}
			}
		}
	});

	it("draws each dated entry on its topic's lineage page, and an arrow for every historical relation on the pages of its ends", () => {
		const dated = new Set(entries.filter((entry) => entry.data.year).map((entry) => entry.id));
		const topicOf = new Map(entries.map((entry) => [entry.id, entry.data.topic]));
		for (const topic of TOPICS) {
			const html = built(`lineage/${topic}/index.html`);
			const nodes = new Set([...html.matchAll(/data-node="([^"]+)"/g)].map((match) => match[1]!));
			expect(
				[...nodes].filter((id) => topicOf.get(id) === topic).sort(),
				`${topic} draws its own dated entries`,
			).toEqual([...dated].filter((id) => topicOf.get(id) === topic).sort());
			for (const entry of entries) {
				for (const type of LINEAGE_RELATIONS) {
					for (const target of entry.data.relations[type] ?? []) {
						if (!dated.has(entry.id) || !dated.has(target)) continue;
						if (topicOf.get(entry.id) !== topic && topicOf.get(target) !== topic) continue;
						const { from, to } = lineageArrow(type, entry.id, target);
						expect(html, `${topic}: ${from} → ${to}`).toContain(
							`data-from="${from}" data-to="${to}"`,
						);
						// An entry of another topic is drawn as a guest when it connects to this one.
						expect(nodes, `${topic}: ${from} → ${to}`).toContain(from);
						expect(nodes, `${topic}: ${from} → ${to}`).toContain(to);
					}
				}
			}
			// …and no other entry: each one of another topic is drawn for a relation to this topic.
			const edges = [...html.matchAll(/data-from="([^"]+)" data-to="([^"]+)"/g)];
			for (const guest of [...nodes].filter((id) => topicOf.get(id) !== topic))
				expect(
					edges.some(
						([, from, to]) =>
							(from === guest && topicOf.get(to!) === topic) ||
							(to === guest && topicOf.get(from!) === topic),
					),
					`${topic} draws ${guest}`,
				).toBe(true);
			expect(html).toContain('role="img"');
		}
	});

	it("keeps /lineage/ to an overview: a link to each topic's lineage page, no timeline", () => {
		const html = built('lineage/index.html');
		for (const topic of TOPICS) expect(html).toContain(`href="/lineage/${topic}/"`);
		expect(html).not.toContain('data-node=');
		expect(html).not.toContain('lineage-drawing');
	});

	it('publishes feeds that parse and list every entry, site-wide and per topic', () => {
		const xml = new XMLParser();
		const links = (path: string) =>
			[xml.parse(built(path)).rss.channel.item]
				.flat()
				.map((item: { link: string }) => new URL(item.link).pathname);
		expect(links('rss.xml').sort()).toEqual(entries.map((entry) => `/entries/${entry.id}/`).sort());
		for (const topic of TOPICS) {
			expect(links(`topics/${topic}/rss.xml`).sort()).toEqual(
				entries
					.filter((entry) => entry.data.topic === topic)
					.map((entry) => `/entries/${entry.id}/`)
					.sort(),
			);
		}
		expect(built('index.html')).toContain('<link rel="alternate" type="application/rss+xml"');
	});

	it("publishes entries.json with every entry, its address, the topics' titles and a schema version", () => {
		const data = JSON.parse(built('entries.json'));
		expect(data.schemaVersion).toBe(1);
		expect(data.topics.map(({ id }: { id: string }) => id)).toEqual([...TOPICS]);
		expect(data.topics[0]).toEqual({ id: 'orchestration', title: 'Orchestration' });
		expect(data.entries).toHaveLength(entries.length);
		const kubernetes = data.entries.find((entry: { id: string }) => entry.id === 'kubernetes');
		expect(kubernetes).toMatchObject({
			title: 'Kubernetes',
			aliases: ['k8s'],
			page: 'http://localhost:4321/entries/kubernetes/',
		});
		expect(JSON.parse(built('schema/entry.schema.json'))).toEqual(
			JSON.parse(JSON.stringify(entryJsonSchema())),
		);
	});

	it("offers each paper's BibTeX, and all of them in papers.bib, with their DOIs", () => {
		const papers = entries.filter((entry) => entry.data.kind === 'paper');
		const all = parseBibtex(built('papers.bib'), { sentenceCase: false });
		expect(all.errors).toEqual([]);
		expect(all.entries.map((record) => record.key).sort()).toEqual(
			papers.map((paper) => paper.id).sort(),
		);
		for (const paper of papers) {
			const own = parseBibtex(built(`entries/${paper.id}/citation.bib`), { sentenceCase: false });
			expect(own.errors, paper.id).toEqual([]);
			expect(own.entries[0]!.fields.doi, paper.id).toBe(paper.data.doi);
			expect(built(`entries/${paper.id}/index.html`)).toContain(
				`href="/entries/${paper.id}/citation.bib"`,
			);
		}
	});

	it('is findable: sitemap, robots.txt, canonical links and Open Graph', () => {
		expect(built('sitemap-0.xml')).toContain(
			'<loc>http://localhost:4321/entries/kubernetes/</loc>',
		);
		expect(built('robots.txt')).toContain('Sitemap: http://localhost:4321/sitemap-index.xml');
		const html = built('entries/kubernetes/index.html');
		expect(html).toContain(
			'<link rel="canonical" href="http://localhost:4321/entries/kubernetes/">',
		);
		expect(html).toContain('<meta property="og:title" content="Kubernetes">');
	});

	it('indexes exactly the entry pages for search', () => {
		const manifest = JSON.parse(built('pagefind/pagefind-entry.json'));
		expect(manifest.languages.en.page_count).toBe(entries.length);
	});
});
