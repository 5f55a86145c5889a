import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineHastPlugin, markdownToHtml } from 'satteri';
import {
	contentProcessor,
	findUnsafeBody,
	isSafeLinkTarget,
	renderBody,
	MARKDOWN_OPTIONS,
} from '../../src/check/body-safety.ts';

const FILE = '/project/content/entries/networking/hostile.mdx';
const problemsOf = (body: string) => findUnsafeBody(FILE, body);
const messages = async (body: string) =>
	(await problemsOf(body)).map((problem) => `${problem.line}: ${problem.message}`);
/** What the build's own renderer makes of a body the check accepts. */
const rendered = async (body: string) =>
	(await (await contentProcessor().createRenderer(MARKDOWN_OPTIONS)).render(body, {})).code;
const HTML = 'contains HTML, which entries cannot use';

describe('body safety', () => {
	it('accepts plain Markdown, site links and web links', async () => {
		const body = [
			'A *plain* paragraph with **strong** text, `code` and a [web link](https://example.org/).',
			'',
			'- a list item linking to [Kubernetes](/entries/kubernetes/)',
			'',
			'| a | b |\n|---|---|\n| c | ~~d~~ |',
		].join('\n');
		expect(await problemsOf(body)).toEqual([]);
	});

	it.each([
		['<script>', '<script>alert(1)</script>', HTML],
		['<iframe>', '<iframe src="https://evil.example"></iframe>', HTML],
		['<style>', '<style>body</style>', HTML],
		['<object>', '<object data="x.swf"></object>', HTML],
		['<embed>', '<embed src="x.swf" />', HTML],
		['<form>', '<form action="https://evil.example"><button>Go</button></form>', HTML],
		['a component', '<Counter start={1} />', HTML],
		['an inline element with an event handler', 'Text <abbr onclick="alert(1)">x</abbr>.', HTML],
		['an HTML comment', '<!-- hidden -->', HTML],
		['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/" />', HTML],
		['a javascript: link', '[click](javascript:alert(1))', 'links to "javascript:alert(1)"'],
		[
			'a data: link',
			'[click](data:text/html;base64,PHNjcmlwdD4=)',
			'links to "data:text/html;base64,PHNjcmlwdD4="',
		],
		['a protocol-relative link', '[click](//evil.example/x)', 'links to "//evil.example/x"'],
		[
			'a reference definition',
			'[x]: javascript:alert(1)\n\nSee [x].',
			'links to "javascript:alert(1)"',
		],
		['an autolink to a script', '<javascript:alert(1)>', 'links to "javascript:alert(1)"'],
		['an image', '![tracker](https://evil.example/pixel.gif)', 'contains an image'],
		[
			'a link with user info',
			'[k8s](https://kubernetes.io@evil.example/)',
			'links to "https://kubernetes.io@evil.example/"',
		],
		['a task list checkbox', '- [ ] task', 'compiles to <input>, which is not allowed'],
	])('refuses %s', async (_name, body, message) => {
		expect(await messages(`Intro paragraph.\n\n${body}\n`)).toContainEqual(
			expect.stringMatching(new RegExp(`^3: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)),
		);
	});

	it.each([
		['import', "import Danger from './danger.js'", '<p>import Danger from ‘./danger.js’</p>'],
		[
			'export',
			'export const x = globalThis.process.exit()',
			'<p>export const x = globalThis.process.exit()</p>',
		],
		['a flow expression', '{globalThis.fetch(1)}', '<p>{globalThis.fetch(1)}</p>'],
		['an inline expression', 'Some text {1 + 1} more.', '<p>Some text {1 + 1} more.</p>'],
	])(
		'renders MDX syntax (%s) as inert text, since bodies are never compiled as MDX',
		async (_name, body, html) => {
			expect(await problemsOf(body)).toEqual([]);
			expect((await rendered(body)).trim()).toBe(html);
		},
	);

	it('finds problems nested inside lists, on their own line', async () => {
		expect(await messages('Intro.\n\n- item **bold <script>x</script>**\n')).toEqual([
			`3: ${HTML}`,
		]);
	});

	it('gives site links the base path and outbound links rel="noopener noreferrer"', async () => {
		const body =
			'[Kubernetes](/entries/kubernetes/), [its site](https://kubernetes.io/) and [notes](#notes).';
		const { code } = await renderBody(FILE, body, {}, '/wlm/');
		expect(code.trim()).toBe(
			'<p><a href="/wlm/entries/kubernetes/">Kubernetes</a>, <a href="https://kubernetes.io/" rel="noopener noreferrer">its site</a> and <a href="#notes">notes</a>.</p>',
		);
	});

	it('allows only web addresses and site paths as link targets', () => {
		expect(
			['https://a.example', 'http://a.example', '/entries/x/', '#notes'].every(isSafeLinkTarget),
		).toBe(true);
		expect(
			[
				'javascript:alert(1)',
				'JAVASCRIPT:alert(1)',
				'data:x',
				'vbscript:x',
				'//evil.example',
				'/\\evil.example',
				'mailto:x@y',
				'https://kubernetes.io@evil.example/',
				'https://user:pass@example.org/',
			].some(isSafeLinkTarget),
		).toBe(false);
	});
});

/** Everything Markdown itself puts in its output, read from the final hast, with no allow-list. */
function renderedOutput(body: string) {
	const elements: { tag: string; href?: string }[] = [];
	const raw: string[] = [];
	const recorder = defineHastPlugin({
		name: 'test:recorder',
		element: {
			filter: [],
			visit(node) {
				const href = node.properties?.href;
				elements.push({ tag: node.tagName, ...(href === undefined ? {} : { href: String(href) }) });
			},
		},
		raw: (node) => void raw.push(node.value),
	});
	markdownToHtml(body, {
		hastPlugins: [recorder],
		features: { gfm: true, smartPunctuation: true },
	});
	return { elements, raw };
}

/** The test's own statement of what a body may render to. */
const SAFE_OUTPUT = new Set([
	...['p', 'a', 'em', 'strong', 'code', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead'],
	...['tbody', 'tr', 'th', 'td', 'del', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre'],
	...['sup', 'section'],
]);

describe('differential: what the check accepts renders to nothing outside the allow-list', () => {
	const fragments = [
		...['plain words', '*em*', '**strong**', '`code`', '| a | b |\n|---|---|\n| c | d |'],
		...[
			'| `x | y` |',
			'<abbr title="t">K</abbr>',
			'<abbr title={x}>K</abbr>',
			'<script>x</script>',
		],
		...[
			'<meta http-equiv="refresh" />',
			'{globalThis.x}',
			'import x from "y"',
			'export const a = 1',
		],
		...[
			'[a](javascript:x)',
			'[a](https://e.example/)',
			'[a](https://u@e.example/)',
			'[r]',
			'[r]: data:x',
		],
		...[
			'<https://e.example/>',
			'www.example.org',
			'~~gone~~',
			'- [x] done',
			'![i](https://e/i.png)',
		],
		...[
			'\\{escaped\\}',
			'&lt;tag&gt;',
			'<kbd onclick="x">k</kbd>',
			'<Component />',
			'`',
			'|',
			'\n\n',
		],
		...['<!-- c -->', '[^1]\n\n[^1]: note', '> quote', '# heading', '<em {...p}>x</em>', '\\<b>'],
	];
	const body = fc
		.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 6 })
		.chain((parts) =>
			fc
				.array(fc.constantFrom(' ', '\n', '\n\n', ' | ', '`'), {
					minLength: parts.length,
					maxLength: parts.length,
				})
				.map((glue) => parts.map((part, index) => part + glue[index]).join('')),
		);

	it('holds for generated bodies', async () => {
		await fc.assert(
			fc.asyncProperty(body, async (text) => {
				const problems = await problemsOf(text);
				const output = renderedOutput(text);
				const unsafe = [
					...output.raw,
					...output.elements
						.filter((element) => !SAFE_OUTPUT.has(element.tag))
						.map((element) => `<${element.tag}>`),
					...output.elements
						.filter((element) => element.href !== undefined && !isSafeLinkTarget(element.href))
						.map((element) => `href=${element.href}`),
				];
				if (unsafe.length) expect(problems, `${JSON.stringify(text)} → ${unsafe}`).not.toEqual([]);
			}),
			{ numRuns: 300 },
		);
	});
});
