import {
	COUNT_FOR,
	FILTER_NAMES,
	IDS,
	PARAMS,
	SORTS,
	type FilterName,
} from '../../lib/search-contract.ts';
import { KIND_NAMES, STATUS_LABELS, type Status } from '../../schema/vocabulary.ts';
import { defaultSort, type Counts, type Filters, type Row, type Sort } from './rank.ts';
import { filterCounts, pageSearch, quickSearch, type Outcome } from './search.ts';

/**
 * Wires a search form: results as you type, arrow keys through results, Enter to open, Escape to
 * clear, a live region announcing the count. A header form shows results in a dropdown; the search
 * page's form fills the page, with filters, an order, "Show more", and keeps the address in step
 * so a search can be shared.
 */
export function attachSearch(form: HTMLFormElement) {
	if (form.dataset.attached) return;
	form.dataset.attached = 'true';
	const input = form.querySelector('input')!;
	if (form.dataset.resultsIn === 'page') attachPage(form, input);
	else attachDropdown(form, input);
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Runs `search` shortly after the last change, and shows only the latest answer. */
function scheduler(search: (isLatest: () => boolean) => Promise<void>) {
	let latest = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const run = () => {
		const ticket = ++latest;
		return search(() => ticket === latest);
	};
	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(run, 25);
	};
	return { run, schedule };
}

/** ArrowDown/ArrowUp between the box and the result links, Escape to clear. */
function keyboard(input: HTMLInputElement, links: () => HTMLAnchorElement[], clear: () => void) {
	return (event: KeyboardEvent) => {
		const all = links();
		const index = all.indexOf(document.activeElement as HTMLAnchorElement);
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			if (!all.length) return;
			event.preventDefault();
			const next = index + (event.key === 'ArrowDown' ? 1 : -1);
			if (next < 0) input.focus();
			else all[Math.min(next, all.length - 1)]!.focus();
		} else if (event.key === 'Escape') {
			input.value = '';
			input.focus();
			clear();
		}
	};
}

function attachDropdown(form: HTMLFormElement, input: HTMLInputElement) {
	const panel = element('div', 'search-dropdown');
	panel.hidden = true;
	const status = element('p', 'muted');
	status.setAttribute('role', 'status');
	const notice = element('p', 'search-notice');
	const list = element('ol', 'results');
	list.setAttribute('aria-label', 'Search results');
	const all = document.createElement('a');
	panel.append(status, notice, list, all);
	form.append(panel);
	form.addEventListener('focusout', (event) => {
		if (!form.contains(event.relatedTarget as Node)) panel.hidden = true;
	});
	form.addEventListener('focusin', () => {
		if (list.childElementCount || status.textContent) panel.hidden = false;
	});
	const clear = () => {
		panel.hidden = true;
		list.replaceChildren();
		status.textContent = '';
		notice.replaceChildren();
	};
	const { run, schedule } = scheduler(async (isLatest) => {
		const query = input.value.trim();
		if (!query) return clear();
		try {
			const outcome = await quickSearch(query);
			if (!isLatest()) return;
			status.textContent = outcome.tooShort
				? `Keep typing: no name is just “${query}”.`
				: countSentence(query, outcome.total);
			notice.replaceChildren(...correctionNotice(query, outcome.corrected, form.action));
			all.href = searchAddress(form.action, query);
			all.textContent = `All results for “${query}”, with filters`;
			keepingFocus(list, input, () => {
				list.replaceChildren(...outcome.rows.map(resultItem));
				if (!outcome.rows.length && !outcome.tooShort) list.append(noResults(outcome));
				// Removing the focused result closed the panel (focusout); it must be open to take focus back.
				panel.hidden = false;
			});
		} catch {
			if (!isLatest()) return;
			panel.hidden = false;
			list.replaceChildren();
			status.textContent =
				'Search needs the built site (npm start); it is not available in the dev server.';
		}
	});
	input.addEventListener('input', schedule);
	form.addEventListener(
		'keydown',
		keyboard(input, () => [...list.querySelectorAll('a'), all], run),
	);
	run();
}

/**
 * Replaces results without losing the reader's place: a reader who arrowed into the results before
 * the last keystroke's answer arrived stays on the same result, or on the box if it is gone.
 */
function keepingFocus(list: HTMLElement, input: HTMLInputElement, replace: () => void) {
	const focused = document.activeElement;
	const href = list.contains(focused) ? (focused as HTMLAnchorElement).getAttribute('href') : null;
	replace();
	if (href === null) return;
	const same = [...list.querySelectorAll('a')].find((link) => link.getAttribute('href') === href);
	(same ?? input).focus();
}

function attachPage(form: HTMLFormElement, input: HTMLInputElement) {
	const filterGroup = byId<HTMLElement>(IDS.filters);
	const filtersSummary = byId<HTMLElement>(IDS.filtersSummary);
	const sortSelect = byId<HTMLSelectElement>(IDS.sort);
	const list = byId<HTMLOListElement>(IDS.results);
	const status = byId<HTMLElement>(IDS.status);
	const notice = byId<HTMLElement>(IDS.notice);
	const moreButton = byId<HTMLButtonElement>(IDS.more);
	const boxes = (name: FilterName) => [
		...filterGroup.querySelectorAll<HTMLInputElement>(`input[data-filter="${name}"]`),
	];
	const readFilters = () =>
		Object.fromEntries(
			FILTER_NAMES.map((name) => [
				name,
				boxes(name)
					.filter((box) => box.checked)
					.map((box) => box.value),
			]),
		) as Filters;
	let exact = restoreFromAddress(input, boxes, sortSelect);
	let current: { query: string; sort: Sort; outcome: Outcome; shown: number } | undefined;

	const announce = () => {
		if (!current) return;
		const { query, outcome, shown } = current;
		const order = query ? '' : `, by ${SORT_LABELS[current.sort].toLowerCase()}`;
		const sentence = countSentence(query, outcome.total).replace(/\.$/, `${order}.`);
		status.textContent =
			shown < outcome.total ? `${sentence.slice(0, -1)}; showing ${shown}.` : sentence;
		moreButton.hidden = shown >= outcome.total;
		moreButton.textContent = `Show ${Math.min(20, outcome.total - shown)} more`;
	};

	const { run, schedule } = scheduler(async (isLatest) => {
		const query = input.value.trim();
		const filters = readFilters();
		const ticked = FILTER_NAMES.reduce((sum, name) => sum + filters[name].length, 0);
		filtersSummary.textContent = ticked ? `Filters (${ticked})` : 'Filters';
		const sort = (sortSelect.value || defaultSort(query, filters)) as Sort;
		sortSelect.options[0]!.text = SORT_LABELS[defaultSort(query, filters)];
		syncAddress(query, filters, sortSelect.value, exact);
		if (!query && !ticked && !sortSelect.value) {
			current = undefined;
			list.replaceChildren();
			moreButton.hidden = true;
			notice.replaceChildren();
			status.textContent = 'Type a name, an alias such as k8s, or a subject.';
			return;
		}
		try {
			const outcome = await pageSearch({ query, filters, sort, exact });
			if (!isLatest()) return;
			current = { query, sort, outcome, shown: outcome.rows.length };
			keepingFocus(list, input, () => {
				list.replaceChildren(...outcome.rows.map(resultItem));
				if (!outcome.rows.length) list.append(noResults(outcome));
			});
			notice.replaceChildren(
				...correctionNotice(query, outcome.corrected, location.pathname, searchParams),
			);
			announce();
			const counts = await filterCounts(outcome.corrected ?? query, filters);
			if (!isLatest()) return;
			showCounts(counts);
			// Lets tests and tools tell fresh counts from those of the previous search.
			filterGroup.dataset.countedFor = location.search;
		} catch {
			if (!isLatest()) return;
			byId<HTMLElement>(IDS.unavailable).hidden = false;
			status.textContent = 'Search is not available here.';
		}
	});

	const showCounts = (counts: Counts) => {
		for (const name of FILTER_NAMES) {
			for (const box of boxes(name)) {
				const count = counts[name][box.value] ?? 0;
				const label = filterGroup.querySelector(`[${COUNT_FOR}="${name}:${box.value}"]`)!;
				label.textContent = `(${count})`;
				box.disabled = count === 0 && !box.checked;
			}
		}
	};

	const searchParams = () => currentParams(input.value.trim(), readFilters(), sortSelect.value);

	moreButton.addEventListener('click', async () => {
		if (!current) return;
		const shown = current;
		const rows = await shown.outcome.more();
		if (current !== shown) return;
		const items = rows.map(resultItem);
		list.append(...items);
		shown.shown += rows.length;
		announce();
		items[0]?.querySelector('a')?.focus();
	});
	const restart = () => {
		exact = false;
		schedule();
	};
	input.addEventListener('input', restart);
	filterGroup.addEventListener('change', schedule);
	sortSelect.addEventListener('change', schedule);
	const onKey = keyboard(input, () => [...list.querySelectorAll('a')], restart);
	form.addEventListener('keydown', onKey);
	list.addEventListener('keydown', onKey);
	run();
}

const SORT_LABELS: Record<Sort, string> = { relevance: 'Best match', title: 'Title', year: 'Year' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string) {
	const node = document.createElement(tag);
	node.className = className;
	return node;
}

function countSentence(query: string, total: number) {
	const label = query ? ` for “${query}”` : '';
	return total ? `${total} result${total === 1 ? '' : 's'}${label}.` : `No results${label}.`;
}

/** "Showing results for Kubernetes. Search instead for kubernets", when a typo was corrected. */
function correctionNotice(
	query: string,
	corrected: string | undefined,
	action: string,
	extra: () => URLSearchParams = () => new URLSearchParams(),
): (Node | string)[] {
	if (!corrected) return [];
	const name = document.createElement('strong');
	name.textContent = corrected;
	const params = extra();
	params.set(PARAMS.query, query);
	params.set(PARAMS.exact, '1');
	const instead = document.createElement('a');
	instead.href = `${action}?${params}`;
	instead.textContent = query;
	return [`Showing results for `, name, '. Search instead for ', instead, '.'];
}

function resultItem(row: Row) {
	const item = document.createElement('li');
	const link = element('a', 'result');
	link.href = row.href;
	const title = document.createElement('strong');
	title.textContent = row.title;
	const meta = element('span', 'muted');
	meta.textContent = ` ${[KIND_NAMES[row.kind], row.topicTitle, row.year].filter(Boolean).join(' · ')} `;
	link.append(title, meta);
	if (row.status && row.status !== 'active') link.append(statusBadge(row.status));
	if (row.excerpt) {
		const excerpt = element('span', 'excerpt');
		excerpt.append(...markedText(row.excerpt));
		link.append(excerpt);
	}
	item.append(link);
	return item;
}

/** The same markup as components/StatusBadge.astro. */
function statusBadge(status: Status) {
	const badge = element('span', 'badge');
	badge.dataset.status = status;
	const prefix = element('span', 'visually-hidden');
	prefix.textContent = 'Status: ';
	badge.append(prefix, STATUS_LABELS[status]);
	return badge;
}

function noResults(outcome: Outcome) {
	const item = element('li', 'no-results');
	if (outcome.suggestion) {
		const link = document.createElement('a');
		link.href = outcome.suggestion.href;
		link.textContent = outcome.suggestion.title;
		item.append('Did you mean ', link, '? ');
	}
	item.append(
		'Try a shorter name or one word of it, remove a filter, or browse a topic from the menu.',
	);
	return item;
}

/** Turns an excerpt into nodes without innerHTML: text stays text, only <mark> survives. */
function markedText(html: string): Node[] {
	const parsed = new DOMParser().parseFromString(html, 'text/html');
	return [...parsed.body.childNodes].map((node) => {
		if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
		const mark = document.createElement('mark');
		mark.textContent = node.textContent;
		return mark;
	});
}

const searchAddress = (action: string, query: string) =>
	`${action}?${new URLSearchParams({ [PARAMS.query]: query })}`;

function currentParams(query: string, filters: Filters, sort: string) {
	const params = new URLSearchParams();
	if (query) params.set(PARAMS.query, query);
	for (const name of FILTER_NAMES)
		if (filters[name].length) params.set(name, filters[name].join(','));
	if (sort) params.set(PARAMS.sort, sort);
	return params;
}

function syncAddress(query: string, filters: Filters, sort: string, exact: boolean) {
	const params = currentParams(query, filters, sort);
	if (exact) params.set(PARAMS.exact, '1');
	const search = params.toString();
	history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

/** Restores query, filters and order from the address; returns whether to search exactly what was typed. */
function restoreFromAddress(
	input: HTMLInputElement,
	boxes: (name: FilterName) => HTMLInputElement[],
	sortSelect: HTMLSelectElement,
): boolean {
	const params = new URLSearchParams(location.search);
	// Keep what the reader may have typed before this script arrived, unless the address says otherwise.
	if (params.has(PARAMS.query)) input.value = params.get(PARAMS.query)!;
	for (const name of FILTER_NAMES) {
		if (!params.has(name)) continue;
		const values = params.get(name)!.split(',').filter(Boolean);
		for (const box of boxes(name)) box.checked = values.includes(box.value);
	}
	const sort = params.get(PARAMS.sort);
	if (sort && (SORTS as readonly string[]).includes(sort)) sortSelect.value = sort;
	return params.get(PARAMS.exact) === '1';
}
