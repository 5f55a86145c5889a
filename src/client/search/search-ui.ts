import { STATUS_LABELS, type Status } from '../../schema/vocabulary.ts';
import {
	FILTER_NAMES,
	quickSearch,
	search,
	type Filters,
	type SearchOutcome,
} from './search-engine.ts';

/**
 * Wires a search form: results as you type, arrow keys through results, Enter to open, Escape to
 * clear, a live region announcing the count. A header form shows results in a dropdown; the search
 * page's form fills the page, with filters, and keeps the address in step so a search can be shared.
 */
export function attachSearch(form: HTMLFormElement) {
	if (form.dataset.attached) return;
	form.dataset.attached = 'true';
	const input = form.querySelector('input')!;
	const onPage = form.dataset.resultsIn === 'page';
	const view = onPage ? pageView() : dropdownView(form);
	const filterGroup = onPage ? document.querySelector<HTMLElement>('#search-filters') : null;

	const readFilters = (): Filters =>
		Object.fromEntries(
			FILTER_NAMES.map((name) => [
				name,
				[
					...(filterGroup?.querySelectorAll<HTMLInputElement>(
						`input[data-filter="${name}"]:checked`,
					) ?? []),
				].map((box) => box.value),
			]),
		) as Filters;

	let latest = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const run = async () => {
		const query = input.value.trim();
		const filters = readFilters();
		if (onPage) syncAddress(query, filters);
		const ticket = ++latest;
		if (!query && FILTER_NAMES.every((name) => !filters[name].length)) return view.clear();
		try {
			const outcome = onPage ? await search(query, filters) : await quickSearch(query);
			if (ticket === latest) view.show(query, outcome);
		} catch {
			if (ticket === latest) view.unavailable();
		}
	};
	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(run, 25);
	};

	input.addEventListener('input', schedule);
	filterGroup?.addEventListener('change', schedule);
	const onKey = (event: KeyboardEvent) => {
		const links = view.links();
		const index = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			if (!links.length) return;
			event.preventDefault();
			const step = event.key === 'ArrowDown' ? 1 : -1;
			const next = index + step;
			if (next < 0) input.focus();
			else links[Math.min(next, links.length - 1)]!.focus();
		} else if (event.key === 'Escape') {
			input.value = '';
			input.focus();
			run();
		}
	};
	form.addEventListener('keydown', onKey);
	if (onPage) {
		// On the search page the results live outside the form.
		document.querySelector<HTMLElement>('#search-results')!.addEventListener('keydown', onKey);
		restoreFromAddress(input, filterGroup!);
	}
	run();
}

interface View {
	show(query: string, outcome: SearchOutcome): void;
	clear(): void;
	unavailable(): void;
	links(): HTMLAnchorElement[];
}

function pageView(): View {
	const list = document.querySelector<HTMLOListElement>('#search-results')!;
	const status = document.querySelector<HTMLElement>('#search-status')!;
	return {
		show(query, outcome) {
			renderResults(list, status, query, outcome);
			for (const element of document.querySelectorAll<HTMLElement>('[data-count-for]')) {
				const [name, value] = element.dataset.countFor!.split(':') as [
					keyof SearchOutcome['counts'],
					string,
				];
				const count = outcome.counts[name][value];
				element.textContent = count === undefined ? '' : `(${count})`;
			}
		},
		clear() {
			list.replaceChildren();
			status.textContent = 'Type a name, an alias such as k8s, or a subject.';
		},
		unavailable() {
			document.querySelector<HTMLElement>('#search-unavailable')!.hidden = false;
			status.textContent = 'Search is not available here.';
		},
		links: () => [...list.querySelectorAll('a')],
	};
}

function dropdownView(form: HTMLFormElement): View {
	const panel = document.createElement('div');
	panel.className = 'search-dropdown';
	panel.hidden = true;
	const status = document.createElement('p');
	status.setAttribute('role', 'status');
	status.className = 'muted';
	const list = document.createElement('ol');
	list.className = 'results';
	list.setAttribute('aria-label', 'Search results');
	const more = document.createElement('a');
	panel.append(status, list, more);
	form.append(panel);
	form.addEventListener('focusout', (event) => {
		if (!form.contains(event.relatedTarget as Node)) panel.hidden = true;
	});
	form.addEventListener('focusin', () => {
		if (list.childElementCount || status.textContent) panel.hidden = false;
	});
	return {
		show(query, outcome) {
			panel.hidden = false;
			renderResults(list, status, query, outcome);
			more.href = `${form.action}?q=${encodeURIComponent(query)}`;
			more.textContent = `All results for “${query}”, with filters`;
		},
		clear() {
			panel.hidden = true;
			list.replaceChildren();
			status.textContent = '';
		},
		unavailable() {
			panel.hidden = false;
			list.replaceChildren();
			status.textContent =
				'Search needs the built site (npm start); it is not available in the dev server.';
		},
		links: () => [...panel.querySelectorAll('a')],
	};
}

function renderResults(
	list: HTMLOListElement,
	status: HTMLElement,
	query: string,
	outcome: SearchOutcome,
) {
	const label = query ? ` for “${query}”` : '';
	status.textContent = outcome.total
		? `${outcome.total} result${outcome.total === 1 ? '' : 's'}${label}.`
		: `No results${label}.`;
	list.replaceChildren(
		...outcome.hits.map((hit) => {
			const item = document.createElement('li');
			const link = document.createElement('a');
			link.href = hit.href;
			link.className = 'result';
			const title = document.createElement('strong');
			title.textContent = hit.title;
			const meta = document.createElement('span');
			meta.className = 'muted';
			meta.textContent = ` ${[hit.kind, hit.topic, hit.year].filter(Boolean).join(' · ')} `;
			link.append(title, meta);
			if (hit.status && hit.status !== 'active') link.append(statusBadge(hit.status));
			const excerpt = document.createElement('span');
			excerpt.className = 'excerpt';
			excerpt.append(...markedText(hit.excerpt));
			link.append(excerpt);
			item.append(link);
			return item;
		}),
	);
	if (!outcome.hits.length) list.append(noResults(outcome));
}

function statusBadge(status: Status) {
	const badge = document.createElement('span');
	badge.className = 'badge';
	badge.dataset.status = status;
	badge.textContent = STATUS_LABELS[status];
	return badge;
}

function noResults(outcome: SearchOutcome) {
	const item = document.createElement('li');
	item.className = 'no-results';
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

/** Turns Pagefind's excerpt into nodes without innerHTML: text stays text, only <mark> survives. */
function markedText(html: string): Node[] {
	const parsed = new DOMParser().parseFromString(html, 'text/html');
	return [...parsed.body.childNodes].map((node) => {
		if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
		const mark = document.createElement('mark');
		mark.textContent = node.textContent;
		return mark;
	});
}

function syncAddress(query: string, filters: Filters) {
	const params = new URLSearchParams();
	if (query) params.set('q', query);
	for (const name of FILTER_NAMES)
		if (filters[name].length) params.set(name, filters[name].join(','));
	const search = params.toString();
	history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

function restoreFromAddress(input: HTMLInputElement, filterGroup: HTMLElement) {
	const params = new URLSearchParams(location.search);
	// Keep what the reader may have typed before this script arrived, unless the address says otherwise.
	if (params.has('q')) input.value = params.get('q')!;
	for (const name of FILTER_NAMES) {
		if (!params.has(name)) continue;
		const values = params.get(name)!.split(',').filter(Boolean);
		for (const box of filterGroup.querySelectorAll<HTMLInputElement>(
			`input[data-filter="${name}"]`,
		))
			box.checked = values.includes(box.value);
	}
}
