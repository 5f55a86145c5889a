import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { BODY_RENDERING_VERSION, renderBody } from '../check/body-safety.ts';
import { ENTRIES_DIR, ENTRY_EXTENSION, idOf, isIgnoredName } from '../check/ids.ts';
import { formatProblem } from '../check/problems.ts';
import { listContentFiles, readSourceFile } from '../check/source-files.ts';

/**
 * Loads the entries with the check's own reader and renderer: the files `npm run check` lists,
 * read by its parser, each body rendered once as Markdown by the build's processor (the
 * allow-list inside it) and kept as HTML in the content layer's data store, where a file whose
 * digest has not changed is not rendered again. So the build publishes exactly the documents the
 * check read. Compiled as MDX, each entry was a JavaScript module for the bundler, which at
 * 10,000 entries was the slowest phase of the build and most of its memory; entry bodies are
 * plain Markdown by rule, so nothing is lost.
 */
export function entriesLoader(): Loader {
	return {
		name: 'wlm:entries',
		load: async (context) => {
			const root = fileURLToPath(context.config.root);
			const failures: string[] = [];
			const untouched = new Set(context.store.keys());
			for (const file of listContentFiles(root, ENTRIES_DIR, ENTRY_EXTENSION, true).files) {
				untouched.delete(idOf(file));
				const failure = await loadEntry(context, root, file);
				if (failure) failures.push(failure);
			}
			for (const id of untouched) context.store.delete(id);
			// The build's content gate refuses these first, so a build only gets here if a file changed
			// in between: it stops rather than publish an entry without its body.
			if (failures.length && !context.watcher)
				throw new AstroError(`${failures.length} entries could not be loaded`, failures.join('\n'));
			watchEntries(context, root);
		},
	};
}

/** Loads or reloads one entry; returns why it could not be, after logging it. */
async function loadEntry(
	{ store, parseData, generateDigest, logger, config }: LoaderContext,
	root: string,
	file: string,
): Promise<string | undefined> {
	const id = idOf(file);
	const source = readSourceFile(root, file);
	const fail = (message: string) => {
		logger.error(message);
		store.delete(id);
		return message;
	};
	if (source.readProblems.length)
		return fail(
			source.readProblems
				.map((problem) => formatProblem({ severity: 'error', file, ...problem }))
				.join('\n'),
		);
	const digest = generateDigest({
		body: source.compiledSource,
		data: JSON.stringify(source.data),
		base: config.base,
		rendering: BODY_RENDERING_VERSION,
	});
	if (store.get(id)?.digest === digest) return undefined;
	try {
		const filePath = join(root, file);
		const data = await parseData({ id, data: source.data as Record<string, unknown>, filePath });
		const { code, metadata } = await renderBody(filePath, source.compiledSource, data, config.base);
		store.set({
			id,
			data,
			filePath: file,
			digest,
			rendered: { html: code, metadata: { ...metadata, imagePaths: [] } },
		});
		return undefined;
	} catch (error) {
		return fail(error instanceof Error ? error.message : String(error));
	}
}

/** In `astro dev`, an added or edited entry is loaded again and a deleted one dropped. */
function watchEntries(context: LoaderContext, root: string) {
	const { watcher, store } = context;
	if (!watcher) return;
	const entryFile = (path: string) => {
		const file = relative(root, path).split(sep).join('/');
		const inside = file.startsWith(`${ENTRIES_DIR}/`) && file.endsWith(ENTRY_EXTENSION);
		return inside && !file.split('/').some(isIgnoredName) ? file : undefined;
	};
	// Loaded only if the build's listing would list it too: a symbolic link, an oversized file or
	// one in a folder too deep is refused in dev as in the build, and named in the terminal.
	const listed = (file: string) => {
		const folder = posix.dirname(file);
		const depth = posix.relative(ENTRIES_DIR, folder).split('/').filter(Boolean).length;
		if (depth > 1) return false;
		const listing = listContentFiles(root, folder, ENTRY_EXTENSION, false);
		const refusal = listing.refused.find((refused) => refused.file === file);
		if (refusal)
			context.logger.error(
				formatProblem({ severity: 'error', line: 1, field: 'file', ...refusal }),
			);
		return listing.files.includes(file);
	};
	// One file's loads run one after another, in the order of its events: two saves in quick
	// succession could otherwise finish out of order and leave the older document in the store.
	const queued = new Map<string, Promise<unknown>>();
	const inTurn = (file: string, task: () => unknown) => {
		const next = (queued.get(file) ?? Promise.resolve()).then(task);
		queued.set(file, next);
		void next.finally(() => queued.get(file) === next && queued.delete(file));
	};
	const reload = (path: string) => {
		const file = entryFile(path);
		if (file && listed(file)) inTurn(file, () => loadEntry(context, root, file));
	};
	watcher.add(join(root, ENTRIES_DIR));
	watcher.on('add', reload);
	watcher.on('change', reload);
	watcher.on('unlink', (path) => {
		const file = entryFile(path);
		if (file) inTurn(file, () => store.delete(idOf(file)));
	});
}
