import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import EntryCard from '../../src/components/EntryCard.astro';
import RelationList from '../../src/components/RelationList.astro';
import StatusBadge from '../../src/components/StatusBadge.astro';
import StatusBanner from '../../src/components/StatusBanner.astro';
import { relationsOf } from '../../src/lib/entries.ts';
import { fixtureEntries } from '../support/fixture-project.ts';

const entries = await fixtureEntries();
const byId = (id: string) => entries.find((entry) => entry.id === id)!;
const container = await AstroContainer.create();

describe('components', () => {
	it('StatusBadge names the status for sighted and screen-reader readers alike', async () => {
		const html = await container.renderToString(StatusBadge, { props: { status: 'archived' } });
		expect(html).toMatch(
			/<span class="badge" data-status="archived"[^>]*><span class="visually-hidden"[^>]*>Status: <\/span>Archived<\/span>/,
		);
	});

	it('EntryCard links the title, shows year and summary, and marks a retired entry with its successor', async () => {
		const html = await container.renderToString(EntryCard, {
			props: { entry: byId('gamma-platform'), successors: [byId('alpha-scheduler')] },
		});
		expect(html).toContain('<a href="/entries/gamma-platform/"');
		expect(html).toContain('>Gamma Platform</a>');
		expect(html).toContain('2013');
		expect(html).toContain('A fictional platform that was retired');
		expect(html).toContain('data-status="archived"');
		expect(html).toMatch(
			/Succeeded by\s*<a href="\/entries\/alpha-scheduler\/"[^>]*>Alpha Scheduler<\/a>/,
		);
	});

	it('EntryCard marks an active tool as active, with no successor line', async () => {
		const html = await container.renderToString(EntryCard, {
			props: { entry: byId('alpha-scheduler') },
		});
		expect(html).toMatch(/data-status="active"[^>]*>.*Active<\/span>/s);
		expect(html).not.toContain('Succeeded by');
	});

	it('EntryCard gives a paper its kind and venue instead of a status', async () => {
		const html = await container.renderToString(EntryCard, {
			props: { entry: byId('beta-paper') },
		});
		expect(html).not.toContain('badge');
		expect(html).toMatch(/>Paper<\/span>\s*<span[^>]*>Imaginary Systems Conference 2012<\/span>/);
	});

	it('StatusBanner gives the dated reason and where to go instead', async () => {
		const html = await container.renderToString(StatusBanner, {
			props: { entry: byId('gamma-platform'), successors: [byId('alpha-scheduler')] },
		});
		expect(html).toMatch(
			/<strong[^>]*>Archived.<\/strong> Archived by its fictional maintainers in March 2020./,
		);
		expect(html).toMatch(/Look instead at\s*<a href="\/entries\/alpha-scheduler\/"/);
	});

	it('RelationList words each relation from the page it is on', async () => {
		const onBeta = await container.renderToString(RelationList, {
			props: { groups: relationsOf(byId('beta-paper'), entries) },
		});
		expect(onBeta).toMatch(
			/<dt[^>]*>Inspired<\/dt>\s*<dd[^>]*>\s*<ul[^>]*>\s*<li[^>]*>\s*<a href="\/entries\/alpha-scheduler\/"/,
		);
		const onAlpha = await container.renderToString(RelationList, {
			props: { groups: relationsOf(byId('alpha-scheduler'), entries) },
		});
		expect(onAlpha).toContain('>Inspired by</dt>');
		expect(onAlpha).toContain('>Supersedes</dt>');
		expect(onAlpha).toContain('>Built upon by</dt>');
	});
});
