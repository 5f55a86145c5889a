import { z } from 'astro/zod';
import { KINDS, RELATION_TYPES, RETIRED_STATUSES, STATUSES, TOPICS } from './vocabulary.ts';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An entry id: the file name without `.mdx`, and the entry's permanent address. */
export const entryId = z.string().regex(KEBAB_CASE, {
	error: 'must be an entry id in lowercase kebab-case, e.g. "docker-swarm-mode"',
});

const webUrl = z.url({
	protocol: /^https?$/,
	hostname: z.regexes.domain,
	error: 'must be an absolute web address starting with https://',
});

/** YAML parsers disagree on whether `2026-01-31` is a date or a string; accept both, keep the string. */
const calendarDate = z.preprocess(
	(value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
	z.iso.date({ error: 'must be a date written YYYY-MM-DD' }),
);

const idList = z.array(entryId).optional();

/** A GitHub repository, owner/name. */
export const REPOSITORY_NAME = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** An SPDX licence expression: identifiers joined by AND, OR or WITH, optionally in parentheses. */
const SPDX_EXPRESSION = /^\(?[A-Za-z0-9.+-]+\)?(?: (?:AND|OR|WITH) \(?[A-Za-z0-9.+-]+\)?)*$/;

export const relationsSchema = z
	.strictObject({
		inspiredBy: idList.describe(
			'Entries whose ideas this one took up (Kubernetes ← the Borg paper).',
		),
		buildsOn: idList.describe('Entries this one is built on or implements (Istio → Envoy).'),
		supersededBy: idList.describe(
			'Entries that replaced this one. Usually set on a retired entry.',
		),
		describes: idList.describe('For papers, articles and books: the systems they document.'),
		alternativeTo: idList.describe('Entries that solve the same problem another way.'),
		related: idList.describe('Any other entry worth reading next.'),
	} satisfies Record<(typeof RELATION_TYPES)[number], unknown>)
	.describe('Typed links to other entries, by id. Each is shown on both entries.');

/** The frontmatter of one entry, `content/entries/<topic>/<id>.mdx`. */
export const entrySchema = z
	.strictObject({
		title: z
			.string()
			.trim()
			.min(1, { error: 'must not be empty' })
			.max(120, { error: 'must be at most 120 characters' })
			.describe('The name people search by, e.g. "Kubernetes" or the full title of a paper.'),
		url: webUrl.describe(
			'The canonical address: official site, repository, or DOI link for a paper.',
		),
		topic: z
			.enum(TOPICS, { error: `must be one of: ${TOPICS.join(', ')}` })
			.describe('One of the four topics; must equal the folder the file is in.'),
		kind: z
			.enum(KINDS, { error: `must be one of: ${KINDS.join(', ')}` })
			.describe('What sort of thing this is.'),
		summary: z
			.string()
			.trim()
			.min(20, { error: 'must be a full sentence of at least 20 characters' })
			.max(200, { error: 'must be one sentence of at most 200 characters' })
			.refine((text) => !text.includes('\n'), { error: 'must be one sentence on one line' })
			.describe('One sentence, at most 200 characters, shown in lists and search results.'),
		aliases: z
			.array(z.string().trim().min(1))
			.optional()
			.describe('Other names people search by: abbreviations, former names (k8s, OCP).'),
		year: z
			.int({ error: 'must be a four-digit year, e.g. 2015' })
			.min(1950, { error: 'must be 1950 or later' })
			.max(2100, { error: 'must be a four-digit year, e.g. 2015' })
			.optional()
			.describe('Year first published or released.'),
		authors: z
			.array(z.string().trim().min(1))
			.optional()
			.describe('Authors of a paper, article or book, in order.'),
		venue: z
			.string()
			.trim()
			.min(1)
			.optional()
			.describe('Where a paper or article appeared, e.g. "EuroSys 2015".'),
		doi: z
			.string()
			.regex(/^10\.\d{4,9}\/\S+$/, {
				error: 'must be a bare DOI such as 10.1145/2741948.2741964 (no https://doi.org/)',
			})
			.optional()
			.describe('Digital Object Identifier of a paper, without the resolver prefix.'),
		status: z
			.enum(STATUSES, { error: `must be one of: ${STATUSES.join(', ')}` })
			.default('active')
			.describe('Where it stands today. Retired statuses need a statusNote.'),
		statusNote: z
			.string()
			.trim()
			.min(1)
			.optional()
			.describe(
				'Dated evidence for the status, e.g. "Retired to the Apache Attic in October 2025."',
			),
		relations: relationsSchema.prefault({}),
		tags: z.array(entryId).optional().describe('Free-form lowercase kebab-case keywords.'),
		archiveUrl: webUrl.optional().describe('A web-archive copy, for a url that no longer works.'),
		license: z
			.string()
			.regex(SPDX_EXPRESSION, {
				error: 'must be an SPDX licence expression such as "Apache-2.0" or "MIT OR Apache-2.0"',
			})
			.optional()
			.describe('For tools and specs: the licence as an SPDX expression, e.g. "Apache-2.0".'),
		pdf: webUrl
			.optional()
			.describe("For papers: an openly available copy, e.g. the authors' or the venue's PDF."),
		area: entryId
			.optional()
			.describe("The topic's sub-group this entry belongs to: an area id from its topic file."),
		repository: z
			.string()
			.regex(REPOSITORY_NAME, {
				error: 'must be a GitHub repository written owner/name, e.g. "kubernetes/kubernetes"',
			})
			.optional()
			.describe(
				'The GitHub repository as owner/name, where the url is not the repository; its health is tracked.',
			),
		seedList: z
			.strictObject({
				linked: z.url({
					protocol: /^https?$/,
					hostname: z.regexes.domain,
					error: 'must be the absolute address the 2015 list linked',
				}),
				said: z.string().trim().min(10).max(400),
			})
			.optional()
			.describe(
				'For entries of the 2015 reading list this site grew from: the address it linked and what it said.',
			),
		added: calendarDate.optional().describe('Date the entry was added to the list.'),
		reviewed: calendarDate.optional().describe('Date the facts in the entry were last checked.'),
		formerIds: z
			.array(entryId)
			.optional()
			.describe('Ids this entry had before a rename; their addresses redirect here.'),
	})
	.superRefine((entry, context) => {
		if (RETIRED_STATUSES.includes(entry.status) && !entry.statusNote) {
			context.addIssue({
				code: 'custom',
				path: ['statusNote'],
				message: `is required when status is "${entry.status}": say when and why, e.g. "Archived on GitHub in February 2021."`,
			});
		}
	});

export type EntryData = z.output<typeof entrySchema>;
